// `milepost publish` to a folder, end to end on the fixture portfolio: the customer-facing copy
// under each token, no byte of another customer, only changed files uploaded, rotate and prune.
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Report } from "../../src/model/contract.ts";
import { HEADERS } from "../../src/share/policy.ts";
import { publish, type PublishOptions } from "../../src/share/publish.ts";
import { readShares } from "../../src/share/shares.ts";
import { rotate, withToken } from "../../src/share/rotate.ts";
import { formatter } from "../../templates/lib/format.ts";
import { main } from "../../src/cli.ts";
import { readPdf } from "../support/pdf.ts";
import { listFiles, shareScratch } from "../support/share.ts";

const out = inject("portfolio");
const TODAY = "2026-12-01";
let dir: string;
let data: string;
let tokens: Record<string, string>;
const options = (over: Partial<PublishOptions> = {}): PublishOptions => ({
  from: out,
  dataDir: data,
  to: join(dir, "public"),
  baseUrl: "https://packs.example.com/q3/",
  customers: "all",
  protect: false,
  expires: null,
  prune: false,
  sharesFile: join(dir, "shares.csv"),
  today: TODAY,
  ...over,
});

beforeAll(async () => {
  ({ dir, data, tokens } = await shareScratch());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("publish(portfolio → folder)", () => {
  it("puts each customer's pages, PDFs and files under its token, without report.json; robots.txt and _headers at the root", async () => {
    const result = await publish(options());
    expect(result.shares.map((s) => [s.slug, s.status, s.link])).toEqual(
      ["acme", "bare", "closeout-standard", "closeout-triage", "kiso-kogyo"].map((slug) => [
        slug,
        "published",
        `https://packs.example.com/q3/${tokens[slug]}/`,
      ]),
    );
    const published = await listFiles(join(dir, "public"));
    expect(published).toContain("robots.txt");
    expect(await readFile(join(dir, "public", "robots.txt"), "utf8")).toBe("User-agent: *\nDisallow: /\n");
    const headers = await readFile(join(dir, "public", "_headers"), "utf8");
    for (const [name, value] of HEADERS) expect(headers).toContain(`  ${name}: ${value}\n`);
    expect(headers).toContain("frame-ancestors 'none'");
    expect(headers).toContain("  Cache-Control: private, no-cache\n");
    for (const slug of Object.keys(tokens)) {
      const built = (await listFiles(join(out, slug))).filter(
        (f) => !["report.json", ".milepost-key.json", ".milepost-copy"].includes(f) && !/^print-.*\.html$/.test(f),
      );
      // Beside them, the marker that makes the share milepost's (src/share/marker.ts).
      expect(await listFiles(join(dir, "public", tokens[slug])), slug).toEqual(
        [".milepost-share.json", ...built].sort(),
      );
    }
    expect(published.filter((f) => f.endsWith("report.json") || f.includes("customer.json"))).toEqual([]);
    const rows = await readShares(join(dir, "shares.csv"));
    expect(rows.map((r) => [r.slug, r.customer, r.link, r.expires, r.passcode])).toEqual(
      result.shares.map((s) => [s.slug, s.name, s.link, "", ""]),
    );
  });

  it("holds no byte of another customer: no name, token or figure of theirs in any published file, PDFs read as text", async () => {
    const slugs = Object.keys(tokens);
    const reports: Record<string, Report> = Object.fromEntries(
      await Promise.all(
        slugs.map(async (s) => [s, JSON.parse(await readFile(join(out, s, "report.json"), "utf8")) as Report]),
      ),
    );
    const customers: Record<string, { stakeholders?: { name: string }[] }> = Object.fromEntries(
      await Promise.all(
        slugs.map(async (s) => [s, JSON.parse(await readFile(join(data, s, "customer.json"), "utf8"))]),
      ),
    );
    const marks = (slug: string): string[] => {
      const r = reports[slug];
      const c = customers[slug];
      const f = formatter(r.customer.locale, r.customer.currency);
      const money = [r.roi?.valueToDate, r.roi?.costToDate, r.roi?.runRate]
        .filter((x): x is number => typeof x === "number" && Math.abs(x) >= 1000)
        .map((x) => f.money(x));
      return [
        r.customer.name,
        r.engagement.name,
        tokens[slug],
        ...(c.stakeholders ?? []).map((s: { name: string }) => s.name),
        ...r.milestones.map((m) => m.name),
        ...r.metrics.map((m) => m.name),
        ...money,
      ].filter((m) => m.length >= 5);
    };
    let scanned = 0;
    for (const slug of slugs) {
      const own = JSON.stringify([reports[slug], customers[slug]]);
      const foreign = slugs
        .filter((o) => o !== slug)
        .flatMap(marks)
        .filter((m) => !own.includes(m));
      expect(foreign.length, slug).toBeGreaterThan(5);
      const root = join(dir, "public", tokens[slug]);
      for (const file of await listFiles(root)) {
        if (/\.(woff2?)$/.test(file)) continue;
        const text = file.endsWith(".pdf")
          ? (await readPdf(join(root, file))).pages.join("\n")
          : await readFile(join(root, file), "utf8");
        for (const m of foreign) expect(text.includes(m), `${slug}/${file} contains "${m}"`).toBe(false);
        scanned++;
      }
    }
    expect(scanned).toBeGreaterThan(80);
  });

  it("uploads nothing when nothing changed, and only the changed file when one customer changed", async () => {
    expect((await publish(options())).uploaded).toBe(0);
    const changed = join(dir, "dist");
    await cp(out, changed, { recursive: true });
    const index = join(changed, "acme", "index.html");
    await writeFile(index, (await readFile(index, "utf8")).replace("</body>", "<p>updated</p></body>"));
    const result = await publish(options({ from: changed }));
    expect(result.shares.map((s) => [s.slug, s.status, s.uploaded])).toEqual([
      ["acme", "published", 1],
      ["bare", "unchanged", 0],
      ["closeout-standard", "unchanged", 0],
      ["closeout-triage", "unchanged", 0],
      ["kiso-kogyo", "unchanged", 0],
    ]);
    expect(await readFile(join(dir, "public", tokens.acme, "index.html"), "utf8")).toContain("<p>updated</p>");
  });

  it("refuses a customer without a token or not built, naming what to do, and publishes the others", async () => {
    const file = join(data, "bare", "customer.json");
    const before = await readFile(file, "utf8");
    await writeFile(file, JSON.stringify({ ...JSON.parse(before), share: undefined }));
    try {
      const result = await publish(options({ customers: ["bare", "nobody", "acme"], to: join(dir, "other") }));
      expect(result.shares.map((s) => [s.slug, s.status])).toEqual([
        ["bare", "failed"],
        ["nobody", "failed"],
        ["acme", "published"],
      ]);
      expect(result.shares[0].issues.map((i) => `${i.file} ${i.field}: ${i.problem} — ${i.fix}`)).toEqual([
        expect.stringMatching(
          /data\/bare\/customer\.json share\.token: is missing: a share link needs one — run milepost share rotate bare to create it$/,
        ),
      ]);
      expect(result.shares[1].issues[0].problem).toBe("is not a customer folder");
    } finally {
      await writeFile(file, before);
    }
  });
});

describe("publish(a page naming a local folder)", () => {
  it("stops that customer before anything of it is uploaded", async () => {
    const dist = join(dir, "dist-leak");
    await cp(out, dist, { recursive: true });
    const page = join(dist, "bare", "review.html");
    await writeFile(page, (await readFile(page, "utf8")).replace("</body>", `<p>${data}/bare/metrics.csv</p></body>`));
    const result = await publish(options({ from: dist, to: join(dir, "leak") }));
    const bare = result.shares.find((s) => s.slug === "bare")!;
    expect(bare.status).toBe("failed");
    expect(bare.issues.map((i) => `${i.problem} — ${i.fix}`)).toEqual([
      "names a folder of this machine — rebuild the customer with the current milepost; publishing stops here so no local path reaches the customer",
    ]);
    expect(bare.issues[0].file).toMatch(/dist-leak\/bare\/review\.html$/);
    expect((await listFiles(join(dir, "leak"))).some((f) => f.startsWith(`${tokens.bare}/`))).toBe(false);
  });
});

describe("share rotate and publish --prune", () => {
  it("moves a rotated customer to its new token and deletes the old link, an expired share and a customer no longer built", async () => {
    const to = join(dir, "pruned");
    await publish(options({ to }));
    const old = tokens.acme;
    const fresh = await rotate(data, "acme");
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const triage = join(data, "closeout-triage", "customer.json");
    const customer = JSON.parse(await readFile(triage, "utf8"));
    await writeFile(
      triage,
      JSON.stringify({ ...customer, share: { ...customer.share, expires: "2026-11-30" } }, null, 2),
    );
    const dist = join(dir, "dist-pruned");
    await cp(out, dist, { recursive: true });
    const manifest = JSON.parse(await readFile(join(dist, "manifest.json"), "utf8"));
    await writeFile(
      join(dist, "manifest.json"),
      JSON.stringify({
        ...manifest,
        customers: manifest.customers.filter((c: { slug: string }) => c.slug !== "kiso-kogyo"),
      }),
    );

    const kept = await publish(options({ to, from: dist }));
    expect(kept.pruned).toEqual([]);
    expect((await listFiles(to)).some((f) => f.startsWith(`${old}/`))).toBe(true);

    await mkdir(join(to, "assets"), { recursive: true });
    await writeFile(join(to, "assets", "site.css"), "body {}");
    const result = await publish(options({ to, from: dist, prune: true }));
    expect(result.shares.find((s) => s.slug === "closeout-triage")?.status).toBe("expired");
    expect(result.pruned).toEqual([old, tokens["closeout-triage"], tokens["kiso-kogyo"]].sort());
    const tops = new Set((await listFiles(to)).map((f) => f.split("/")[0]));
    expect([...tops].sort()).toEqual(
      ["_headers", "assets", "robots.txt", fresh, tokens.bare, tokens["closeout-standard"]].sort(),
    );
    expect((await readShares(join(dir, "shares.csv"))).find((r) => r.slug === "acme")?.link).toBe(
      `https://packs.example.com/q3/${fresh}/`,
    );
    tokens.acme = fresh;
    await writeFile(triage, JSON.stringify(customer, null, 2));
  });
});

describe("withToken(text, value, token)", () => {
  it("replaces the token where it stands and leaves every other byte", () => {
    const text =
      '{\n    "name": "Acme",\n    "share": {\n        "token": "old-token-old-token-old",\n        "expires": "2026-12-31"\n    }\n}\n';
    expect(withToken(text, JSON.parse(text), "NEW")).toBe(text.replace("old-token-old-token-old", "NEW"));
  });
  it("adds a share block in the file's indentation when there is none, or a token to a share without one", () => {
    expect(withToken('{\n\t"name": "Acme"\n}\n', {}, "NEW")).toBe(
      '{\n\t"name": "Acme",\n\t"share": { "token": "NEW" }\n}\n',
    );
    const withExpiry = '{ "name": "A", "share": { "expires": "2026-12-31" } }';
    expect(JSON.parse(withToken(withExpiry, JSON.parse(withExpiry), "NEW"))).toEqual({
      name: "A",
      share: { token: "NEW", expires: "2026-12-31" },
    });
    const empty = '{ "name": "A", "share": {} }';
    expect(JSON.parse(withToken(empty, JSON.parse(empty), "NEW"))).toEqual({ name: "A", share: { token: "NEW" } });
  });
});

describe("milepost publish (command line)", () => {
  it("asks where and which customers, exit 2", async () => {
    const errors: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => (errors.push(s), true)) as typeof process.stderr.write;
    try {
      expect(await main(["publish", "--all"])).toBe(2);
      expect(await main(["publish", "--to", "x"])).toBe(2);
      expect(await main(["publish", "--all", "--to", "x", "--expires", "2020-01-01"], TODAY)).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(errors.join("")).toBe(
      [
        "milepost: Publish where?\n  add --to <folder> or --to s3://bucket/prefix\n",
        "milepost: Which customers?\n  name them (milepost publish acme --to …) or publish every one built with --all\n",
        "milepost: --expires 2020-01-01 is in the past\n  write a day from 2026-12-01 on\n",
      ].join(""),
    );
  });

  it("prints each customer's link and writes shares.csv", async () => {
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => (lines.push(s), true)) as typeof process.stdout.write;
    const cwd = process.cwd();
    await mkdir(join(dir, "cli"), { recursive: true });
    try {
      process.chdir(join(dir, "cli"));
      expect(
        await main(
          [
            "publish",
            "bare",
            "--from",
            out,
            "--data",
            data,
            "--to",
            "site",
            "--base-url",
            "https://packs.example.com/q3/",
            "--expires",
            "2026-12-31",
          ],
          TODAY,
        ),
      ).toBe(0);
    } finally {
      process.chdir(cwd);
      process.stdout.write = write;
    }
    // Every file of the built folder but report.json, the build key and the print pages; robots.txt and _headers at the root besides.
    const files = (await listFiles(join(out, "bare"))).filter(
      (f) => !["report.json", ".milepost-key.json", ".milepost-copy"].includes(f) && !/^print-.*\.html$/.test(f),
    );
    expect(lines.join("")).toBe(`✓ Bare Minimum Ltd — ${files.length} files uploaded
    link      https://packs.example.com/q3/${tokens.bare}/
    expires   2026-12-31

Published 1 of 1 to ${join(dir, "cli", "site")}/ (${files.length + 2} files uploaded, 0 deleted). Links: shares.csv
`);
    expect((await readShares(join(dir, "cli", "shares.csv"))).map((r) => [r.slug, r.expires])).toEqual([
      ["bare", "2026-12-31"],
    ]);
  });

  it("prints the same summary as JSON with --json, passcode included the first time", async () => {
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => (lines.push(s), true)) as typeof process.stdout.write;
    try {
      expect(
        await main(
          [
            "publish",
            "bare",
            "--from",
            out,
            "--data",
            data,
            "--to",
            join(dir, "cli", "sealed"),
            "--protect",
            "--json",
            "--shares",
            join(dir, "cli", "sealed.csv"),
          ],
          TODAY,
        ),
      ).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    const json = JSON.parse(lines.join(""));
    expect(json.shares).toEqual([
      expect.objectContaining({
        slug: "bare",
        name: "Bare Minimum Ltd",
        status: "published",
        protected: true,
        expires: null,
        link: `${join(dir, "cli", "sealed")}/${tokens.bare}/`,
      }),
    ]);
    expect(json.shares[0].passcode).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
    expect((await readShares(join(dir, "cli", "sealed.csv")))[0].passcode).toBe(json.shares[0].passcode);
  });
});
