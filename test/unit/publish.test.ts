// The output folder between builds: one build at a time, and what a killed build left put right.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { claimOutput, failedEntry, LOCK, manifestEntry, publishCustomer, writeManifest } from "../../src/publish.ts";

/** A customer folder as a build writes it. */
async function customer(dir: string, slug: string, asOf: string) {
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, "report.json"),
    JSON.stringify({ customer: { slug, name: slug.toUpperCase() }, asOf, period: "2026-Q3", health: { rag: "green" } }),
  );
  await writeFile(join(dir, `${slug}-handoff.pdf`), "%PDF");
  await writeFile(join(dir, `${slug}-qbr-2026-Q3.pdf`), "%PDF");
}

describe("claimOutput(outDir)", () => {
  it("restores a folder a killed build left between its two renames, removes every other leftover and rebuilds the manifest", async () => {
    const out = await mkdtemp(join(tmpdir(), "milepost-claim-"));
    await customer(join(out, ".old-acme-2147483000"), "acme", "2026-09-30"); // acme itself is missing
    await customer(join(out, "bare"), "bare", "2026-09-30");
    await customer(join(out, ".old-bare-2147483000"), "bare", "2026-06-30");
    await customer(join(out, ".new-bare-2147483000"), "bare", "2026-09-30");
    await mkdir(join(out, ".stage-x1Yz/batch-0/work"), { recursive: true });
    await writeFile(join(out, ".stage-x1Yz/batch-0/work/site.json"), '{"customers":["everyone"]}');
    await writeFile(join(out, "manifest.json.partial"), "{");
    await writeFile(join(out, "manifest.json"), JSON.stringify({ schemaVersion: 1, customers: [{ slug: "gone" }] }));
    await writeFile(join(out, LOCK), "2147483000\n"); // a process that no longer runs

    const release = await claimOutput(out);
    expect((await readdir(out)).sort()).toEqual([LOCK, "acme", "bare", "manifest.json"]);
    expect(JSON.parse(await readFile(join(out, "acme", "report.json"), "utf8")).asOf).toBe("2026-09-30");
    expect(JSON.parse(await readFile(join(out, "manifest.json"), "utf8")).customers).toEqual([
      {
        slug: "acme",
        name: "ACME",
        status: "built",
        asOf: "2026-09-30",
        period: "2026-Q3",
        health: "green",
        site: "acme/index.html",
        report: "acme/report.json",
        pdfs: ["acme/acme-qbr-2026-Q3.pdf", "acme/acme-handoff.pdf"],
        earlier: [],
      },
      {
        slug: "bare",
        name: "BARE",
        status: "built",
        asOf: "2026-09-30",
        period: "2026-Q3",
        health: "green",
        site: "bare/index.html",
        report: "bare/report.json",
        pdfs: ["bare/bare-qbr-2026-Q3.pdf", "bare/bare-handoff.pdf"],
        earlier: [],
      },
    ]);
    await release();
    expect((await readdir(out)).sort()).toEqual(["acme", "bare", "manifest.json"]);
  });

  it("refuses a folder another running build holds", async () => {
    const out = await mkdtemp(join(tmpdir(), "milepost-claim-"));
    await writeFile(join(out, LOCK), `${process.ppid}\n`);
    await expect(claimOutput(out)).rejects.toMatchObject({
      title: "Another build is writing to the output folder",
      message: `milepost (process ${process.ppid}) is building into ${out} now.`,
      hint: "Wait for it to finish, or build into another folder with --out.",
    });
  });

  it("refuses a folder a running publish reads (src/share/lock.ts holds the same lock)", async () => {
    const out = await mkdtemp(join(tmpdir(), "milepost-claim-"));
    await writeFile(join(out, LOCK), `${process.ppid}\n`);
    await writeFile(join(out, `.milepost-publishing-${process.ppid}`), "");
    await expect(claimOutput(out)).rejects.toMatchObject({
      title: "milepost publish is reading the output folder",
      message: `milepost publish (process ${process.ppid}) is publishing from ${out} now.`,
    });
  });
});

describe("publishCustomer(from, outDir, slug, label)", () => {
  it("keeps the PDFs of every other period in the customer's folder, and replaces the rest", async () => {
    const out = await mkdtemp(join(tmpdir(), "milepost-periods-"));
    await customer(join(out, "acme"), "acme", "2026-09-30");
    await writeFile(join(out, "acme", "acme-qbr-2026-Q2.pdf"), "%PDF Q2");
    await writeFile(join(out, "acme", "acme-closeout-2026-08-15.pdf"), "%PDF Aug");
    await writeFile(join(out, "acme", "old-page.html"), "<p>Q3</p>");
    const staged = join(out, "..", `${out.split("/").pop()}-stage`, "acme");
    await customer(staged, "acme", "2026-12-31");
    await writeFile(join(staged, "acme-qbr-2026-Q4.pdf"), "%PDF Q4");
    await writeFile(join(staged, "acme-qbr-2026-Q2.pdf"), "%PDF Q2 again"); // built now: the new one wins

    await publishCustomer(staged, out, "acme", "2026-Q4");
    expect((await readdir(join(out, "acme"))).sort()).toEqual([
      "acme-closeout-2026-08-15.pdf",
      "acme-handoff.pdf",
      "acme-qbr-2026-Q2.pdf",
      "acme-qbr-2026-Q3.pdf",
      "acme-qbr-2026-Q4.pdf",
      "report-2026-Q3.json",
      "report.json",
    ]);
    // The earlier period's report is kept beside the new one, for "Since the last QBR".
    expect(JSON.parse(await readFile(join(out, "acme", "report-2026-Q3.json"), "utf8")).asOf).toBe("2026-09-30");
    expect(await readFile(join(out, "acme", "acme-qbr-2026-Q2.pdf"), "utf8")).toBe("%PDF Q2 again");
    expect(await readFile(join(out, "acme", "acme-closeout-2026-08-15.pdf"), "utf8")).toBe("%PDF Aug");

    await writeManifest(out, [
      manifestEntry(
        { customer: { slug: "acme", name: "Acme" }, asOf: "2026-12-31", period: "2026-Q4", health: { rag: "red" } },
        await readdir(join(out, "acme")),
      ),
    ]);
    expect(JSON.parse(await readFile(join(out, "manifest.json"), "utf8")).customers[0]).toMatchObject({
      status: "built",
      pdfs: ["acme/acme-qbr-2026-Q4.pdf", "acme/acme-handoff.pdf"],
      earlier: [
        { period: "2026-Q3", pdfs: ["acme/acme-qbr-2026-Q3.pdf"] },
        { period: "2026-08-15", pdfs: ["acme/acme-closeout-2026-08-15.pdf"] },
        { period: "2026-Q2", pdfs: ["acme/acme-qbr-2026-Q2.pdf"] },
      ],
    });
  });
});

describe("writeManifest(outDir, entries)", () => {
  it("marks a failed customer stale when its folder holds earlier output, failed when it has none", async () => {
    const out = await mkdtemp(join(tmpdir(), "milepost-stale-"));
    const acme = manifestEntry(
      { customer: { slug: "acme", name: "Acme" }, asOf: "2026-06-30", period: "2026-Q2", health: { rag: "green" } },
      ["acme-qbr-2026-Q2.pdf"],
    );
    await writeManifest(out, [acme]);
    const attempt = { asOf: "2026-09-30", period: "2026-Q3" };
    await writeManifest(out, [failedEntry("acme", null, attempt), failedEntry("bare", null, attempt)]);
    const { customers } = JSON.parse(await readFile(join(out, "manifest.json"), "utf8"));
    expect(customers).toEqual([
      { ...acme, status: "stale", failed: attempt },
      {
        slug: "bare",
        name: null,
        status: "failed",
        asOf: null,
        period: null,
        health: null,
        site: null,
        report: null,
        pdfs: [],
        earlier: [],
        failed: attempt,
      },
    ]);
    // Built again: current again.
    await writeManifest(out, [acme]);
    expect(JSON.parse(await readFile(join(out, "manifest.json"), "utf8")).customers[0]).toEqual(acme);
  });
  it("keeps the monthly reports: this period's month with this period's PDFs, an earlier month's among the earlier periods", async () => {
    const out = await mkdtemp(join(tmpdir(), "milepost-months-"));
    await customer(join(out, "acme"), "acme", "2026-09-30");
    await writeFile(join(out, "acme", "acme-monthly-2026-09.pdf"), "%PDF Sep");
    await writeFile(join(out, "acme", "acme-monthly-2026-08.pdf"), "%PDF Aug");
    const staged = join(out, "..", `${out.split("/").pop()}-stage`, "acme");
    await customer(staged, "acme", "2026-09-30"); // the QBR pack again, without --pack monthly

    await publishCustomer(staged, out, "acme", "2026-Q3");
    const files = await readdir(join(out, "acme"));
    expect(files.filter((f) => f.includes("monthly")).sort()).toEqual([
      "acme-monthly-2026-08.pdf",
      "acme-monthly-2026-09.pdf",
    ]);
    const entry = manifestEntry(
      { customer: { slug: "acme", name: "Acme" }, asOf: "2026-09-30", period: "2026-Q3", health: null },
      files,
    );
    expect(entry.pdfs).toContain("acme/acme-monthly-2026-09.pdf");
    expect(entry.earlier).toEqual([{ period: "2026-08", pdfs: ["acme/acme-monthly-2026-08.pdf"] }]);
  });
  it("keeps the internal copy's PDFs and the Word and PowerPoint files of other periods, as it keeps the PDFs", async () => {
    const out = await mkdtemp(join(tmpdir(), "milepost-kinds-"));
    await customer(join(out, "acme"), "acme", "2026-09-30");
    const before = [
      "acme-qbr-2026-Q3-internal.pdf",
      "acme-handoff-internal.pdf",
      "acme-closeout-2026-Q3.docx",
      "acme-qbr-deck-2026-Q3-internal.pptx",
    ];
    for (const name of before) await writeFile(join(out, "acme", name), name);
    const staged = join(out, "..", `${out.split("/").pop()}-stage`, "acme");
    await customer(staged, "acme", "2026-12-31");

    await publishCustomer(staged, out, "acme", "2026-Q4");
    const files = await readdir(join(out, "acme"));
    for (const name of before) expect(files).toContain(name);
    const entry = manifestEntry(
      { customer: { slug: "acme", name: "Acme" }, asOf: "2026-12-31", period: "2026-Q4", health: null },
      files,
    );
    expect(entry.earlier).toEqual([
      { period: "2026-Q3", pdfs: ["acme/acme-qbr-2026-Q3-internal.pdf", "acme/acme-qbr-2026-Q3.pdf"] },
    ]);
  });
});
