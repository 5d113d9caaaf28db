// Email drafts: one .eml per published customer with stakeholder emails, parsed back with
// mailparser — recipients, subject and body in the customer's language, the share link, the
// PDFs attached byte for byte, never the passcode.
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Report } from "../../src/model/contract.ts";
import { draftText, writeDrafts } from "../../src/share/drafts.ts";
import { publish, type PublishResult } from "../../src/share/publish.ts";
import { FIXTURES } from "../support/portfolio.ts";
import { shareScratch } from "../support/share.ts";

const out = inject("portfolio");
let dir: string;
let tokens: Record<string, string>;
let result: PublishResult;
let files: string[];

beforeAll(async () => {
  let data: string;
  ({ dir, data, tokens } = await shareScratch());
  result = await publish({
    from: out,
    dataDir: data,
    to: join(dir, "public"),
    baseUrl: "https://packs.example.com/q3/",
    customers: "all",
    protect: true,
    expires: "2026-12-31",
    prune: false,
    sharesFile: join(dir, "shares.csv"),
    today: "2026-12-01",
  });
  files = await writeDrafts(result, { from: out, dataDir: data, into: join(dir, "drafts") });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const parse = async (slug: string) => simpleParser(await readFile(join(dir, "drafts", `${slug}.eml`)));

describe("writeDrafts(published portfolio)", () => {
  it("writes one draft per customer that has a stakeholder with an email", async () => {
    expect((await readdir(join(dir, "drafts"))).sort()).toEqual(["acme.eml", "closeout-triage.eml", "kiso-kogyo.eml"]);
    expect(files).toHaveLength(3);
  });

  it("addresses the stakeholders, in English for acme, with the link and the QBR PDF, never the passcode", async () => {
    const mail = await parse("acme");
    const customer = JSON.parse(await readFile(join(FIXTURES, "data", "acme", "customer.json"), "utf8"));
    expect(mail.headers.get("x-unsent")).toBe("1");
    const to = (Array.isArray(mail.to) ? mail.to : [mail.to!]).flatMap((a) => a.value.map((v) => v.address));
    expect(to.length).toBeGreaterThan(0);
    expect(to).toEqual(
      customer.stakeholders.filter((s: { email?: string }) => s.email).map((s: { email: string }) => s.email),
    );
    expect(mail.subject).toBe("Acme Analytics: Engagement Close-out, Reporting Automation");
    expect(mail.text).toContain(`The pack is also online: https://packs.example.com/q3/${tokens.acme}/`);
    const passcode = result.shares.find((s) => s.slug === "acme")!.passcode!;
    expect(mail.text).not.toContain(passcode);
    expect(mail.text).not.toContain(passcode.replaceAll("-", ""));
    expect(mail.attachments.map((a) => a.filename)).toEqual([
      "acme-qbr-2026-Q3.pdf",
      "acme-closeout-2026-Q3.pdf",
      "acme-handoff.pdf",
    ]);
    for (const a of mail.attachments) {
      expect(a.contentType).toBe("application/pdf");
      expect(Buffer.compare(a.content, await readFile(join(out, "acme", a.filename!))), a.filename).toBe(0);
    }
  });

  it("writes the Japanese customer's draft in Japanese", async () => {
    const mail = await parse("kiso-kogyo");
    expect(mail.subject).toBe("【四半期ビジネスレビュー】木曽工業株式会社様 2026-Q3");
    expect(mail.text!.split("\n")[0]).toBe("山田 太郎様、佐藤 花子様");
    expect(mail.text).toContain("オンライン版：https://packs.example.com/q3/");
    expect(mail.text).toContain("オンライン版のパスコードは、別途お送りいたします。");
    expect(mail.attachments.map((a) => a.filename)).toEqual(["kiso-kogyo-qbr-2026-Q3.pdf"]);
    expect(
      Buffer.compare(
        mail.attachments[0].content,
        await readFile(join(out, "kiso-kogyo", "kiso-kogyo-qbr-2026-Q3.pdf")),
      ),
    ).toBe(0);
  });

  it("attaches the handoff PDF to a close-out", async () => {
    const mail = await parse("closeout-triage");
    expect(mail.attachments.map((a) => a.filename)).toContain("closeout-triage-handoff.pdf");
  });
});

describe("draftText(report, share, names, provider)", () => {
  it("says the pack, the health and up to two headline outcomes in a short body", async () => {
    const report = JSON.parse(await readFile(join(out, "acme", "report.json"), "utf8")) as Report;
    const { text } = draftText(
      report,
      { link: "https://x.example/t/", protected: false },
      ["Jordan Lee"],
      "Meridian Advisory",
    );
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("Dear Jordan Lee,");
    expect(lines).toContain("Overall health: Needs attention."); // the pages' own status label
    // The headline outcomes in the pages' own words: a % metric changes in percentage points.
    const outcomes = lines.filter((l) => l.startsWith("• "));
    expect(outcomes.length).toBeGreaterThanOrEqual(1);
    for (const line of outcomes)
      expect(line).toMatch(/^• .+: .+ → .+, (down \d+%|up \d+%|up [\d.]+ pp|down [\d.]+ pp|×[\d.]+)$/);
    expect(lines).not.toContain("The passcode for the online copy follows in a separate message.");
    expect(lines.at(-2)).toBe("Kind regards,");
    expect(lines.at(-1)).toBe("Meridian Advisory");
  });
});
