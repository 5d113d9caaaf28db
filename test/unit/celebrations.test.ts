// The celebration drafts' words, in the customer's language, and who they go to.
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/model/report.ts";
import { celebrationPdf, celebrationText, isCelebrationPdf, sponsors } from "../../src/share/celebrations.ts";
import { customer, customerData, measurement, metric, milestone } from "./model/factories.ts";

const data = (locale = "en-US", currency = "USD") =>
  customerData({
    customer: customer({ locale, currency }),
    metrics: [metric()],
    measurements: [measurement("2026-08-03", 4, { source: "timesheet" })],
    milestones: [
      milestone({
        id: "MS 2",
        name: "Reporting automated",
        metric_id: "M1",
        threshold: 5,
        target_date: "2026-08-31",
        evidence: ["https://example.com/run"],
        business_impact: "Finance closes the week on Monday.",
      }),
      milestone({ id: "MS3", name: "Rollout", phase: "growth", target_date: "2026-11-30" }),
    ],
  });

describe("celebrationText(report, celebration, names, provider)", () => {
  it("congratulates the sponsor on the milestone, with before → after, the impact and the next milestone", () => {
    const report = buildReport(data(), { asOf: "2026-09-30", period: "2026-Q3" });
    const { subject, text } = celebrationText(report, report.celebrations.items[0], ["Dana Ruiz"], "Meridian");
    expect(subject).toBe("Acme Corp: Reporting automated achieved");
    expect(text).toBe(
      [
        "Dear Dana Ruiz,",
        "",
        "Congratulations! Acme Corp achieved Reporting automated on Aug 3, 2026.",
        "",
        "Here is what you achieved: Manual reporting time, 15 hours/week → 4 hours/week, down 73%.",
        "Finance closes the week on Monday.",
        "",
        "The attached one-pager sums it up for your leadership.",
        "Next: Rollout, due Nov 30, 2026.",
        "",
        "Kind regards,",
        "Meridian",
        "",
      ].join("\n"),
    );
  });

  it("writes in the customer's language", () => {
    const report = buildReport(data("ja-JP", "JPY"), { asOf: "2026-09-30", period: "2026-Q3" });
    const { subject, text } = celebrationText(report, report.celebrations.items[0], ["山田"], null);
    expect(subject).toBe("Acme Corp様：Reporting automated達成のご報告");
    expect(text).toContain("「Reporting automated」を達成されました。");
  });
});

describe("sponsors(customer) and the one-pager's file", () => {
  it("sends to the executive stakeholders with an address, else to every one with an address", () => {
    const people = [
      { name: "Ana", role: "COO", audience: "executive" as const, email: "ana@example.com" },
      { name: "Bo", role: "IT", audience: "it" as const, email: "bo@example.com" },
      { name: "Cy", role: "CEO", audience: "executive" as const },
    ];
    expect(sponsors({ stakeholders: people })).toEqual([{ name: "Ana", address: "ana@example.com" }]);
    expect(sponsors({ stakeholders: people.slice(1) })).toEqual([{ name: "Bo", address: "bo@example.com" }]);
  });

  it("names the one-pager by its milestone, file-safe, and tells it from the pack's PDFs", () => {
    const report = buildReport(data(), { asOf: "2026-09-30", period: "2026-Q3" });
    expect(celebrationPdf("acme", "MS 2")).toBe("acme-celebrate-MS-2.pdf");
    expect(isCelebrationPdf("acme", "acme/acme-celebrate-MS-2.pdf", report)).toBe(true);
    expect(isCelebrationPdf("acme", "acme/acme-qbr-2026-Q3.pdf", report)).toBe(false);
  });
});
