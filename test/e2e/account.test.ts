// The account and close-out sections on the sample customer that has every optional table
// (data/southern-cross-water), and left out — no placeholder — for one that has none of them.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { readPdfPages } from "../support/pdf.ts";

/** The sample portfolio as the e2e global setup built it (test/support/portfolio.ts). */
const out = inject("samples");

const pdfText = async (file: string) =>
  (await readPdfPages(join(out, file))).map((p) => p.texts.map((x) => x.str).join(" ")).join("\n");

describe("account sections (southern-cross-water)", () => {
  it("prints the trend, action plan, commercial, adoption, support and stakeholder sections in the QBR", async () => {
    const text = await pdfText("southern-cross-water/southern-cross-water-qbr-2026-Q3.pdf");
    for (const title of [
      "Health, quarter on quarter",
      "Mutual action plan",
      "Commercial and renewal",
      "Adoption",
      "Support summary",
      "Stakeholder map",
    ])
      expect(text).toContain(title);
    for (const fact of ["Last quarter's actions", "A$264,000", "Active field users", "97.5"])
      expect(text).toContain(fact);
    // Stakeholder sentiment is the account team's reading: the customer's copy leaves it out.
    expect(text).not.toContain("Detractor");
  });

  it("prints the sign-off blocks, the post-close owner with check-ins, the reference ask and the prices", async () => {
    const text = await pdfText("southern-cross-water/southern-cross-water-closeout-2026-Q3.pdf");
    for (const fact of [
      "Acceptance",
      "Signature",
      "After the close",
      "Daniel Costa",
      "30-day check-in",
      "30 Sept 2026",
      "Would you share this outcome as a case study?",
      "A$28,000",
    ])
      expect(text).toContain(fact);
  });

  it("has its own site page for the account, linked from the others", async () => {
    const page = await readFile(join(out, "southern-cross-water", "account.html"), "utf8");
    expect(page).toContain('id="commercial"');
    expect(await readFile(join(out, "southern-cross-water", "index.html"), "utf8")).toContain('href="account.html"');
  });

  it("leaves every one of them out for a customer without their data", async () => {
    const text = await pdfText("sakura-seimitsu/sakura-seimitsu-qbr-2026-Q3.pdf");
    for (const title of [
      "全体状況の推移",
      "相互アクションプラン",
      "契約と更新",
      "定着状況",
      "サポートの概要",
      "ステークホルダーマップ",
    ])
      expect(text).not.toContain(title);
    const report = JSON.parse(await readFile(join(out, "sakura-seimitsu", "report.json"), "utf8"));
    expect([report.contract, report.adoption, report.support, report.actions, report.healthTrend]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    await expect(readFile(join(out, "sakura-seimitsu", "account.html"), "utf8")).rejects.toThrow();
  });
});
