import { describe, expect, it } from "vitest";
import { voiceOf } from "../../../src/model/voice.ts";
import { csat } from "./factories.ts";

const line = (n: number) => ({ src: { file: "csat.csv", line: n } });

describe("voiceOf(rows, asOf)", () => {
  const rows = [
    csat("2026-05-10", 3, 5, { respondent: "Ana", comment: "Slow start.", ...line(2) }),
    csat("2026-06-02", 6, 10, { respondent: "Ben", ...line(3) }),
    csat("2026-08-20", 5, 5, { respondent: "Ana", comment: "Reports arrive on Monday now.", ...line(4) }),
    csat("2026-09-12", 10, 10, { respondent: "Ben", comment: "Roll it out to Perth.", role: "COO", ...line(5) }),
    csat("2026-09-12", 4, 5, { respondent: "Ana", comment: "Training helped.", ...line(6) }),
    csat("2026-10-03", 1, 5, { respondent: "Cy", comment: "After the review.", ...line(7) }),
  ];

  it("gives CSAT and NPS as of D beside the end of the quarter before, and the two latest comments of two respondents", () => {
    expect(voiceOf(rows, "2026-09-30")).toEqual({
      beforeDate: "2026-06-30",
      // 5-point: (3 + 5 + 4) / 3 now, 3 before; 0–10: one promoter, one detractor now, one detractor before.
      csat: { now: 4, before: 3, change: 1, count: 3 },
      nps: { now: 0, before: -100, change: 100, count: 2 },
      quotes: [
        { text: "Training helped.", respondent: "Ana", role: null, date: "2026-09-12", source: "csat.csv:6" },
        { text: "Roll it out to Perth.", respondent: "Ben", role: "COO", date: "2026-09-12", source: "csat.csv:5" },
      ],
    });
  });

  it("has no trend for answers that all came this quarter, and no NPS without a 0–10 answer", () => {
    const voice = voiceOf(rows.slice(2, 3), "2026-09-30")!;
    expect(voice.csat).toEqual({ now: 5, before: null, change: null, count: 1 });
    expect(voice.nps).toBeNull();
    expect(voice.quotes.map((q) => q.text)).toEqual(["Reports arrive on Monday now."]);
  });

  it("is null without an answer by D", () => {
    expect(voiceOf(rows, "2026-05-01")).toBeNull();
    expect(voiceOf([], "2026-09-30")).toBeNull();
  });
});
