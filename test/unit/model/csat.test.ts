import { describe, expect, it } from "vitest";
import { csatTiming, scale10, scale5, summarizeCsat } from "../../../src/model/csat.ts";
import { csat } from "./factories.ts";

describe("scale5(scores)", () => {
  it("gives the mean and the share of 4–5", () => {
    expect(scale5([5, 4, 3, 5])).toEqual({ count: 4, mean: 4.25, satisfiedShare: 0.75 });
  });

  it("is null without answers", () => {
    expect(scale5([])).toBeNull();
  });
});

describe("scale10(scores)", () => {
  it("gives NPS = % of 9–10 − % of 0–6", () => {
    // 2 promoters, 1 passive, 1 detractor of 4: 50 % − 25 % = 25.
    expect(scale10([10, 9, 7, 6])).toEqual({ count: 4, nps: 25, promoters: 2, passives: 1, detractors: 1 });
    expect(scale10([0, 3])!.nps).toBe(-100);
    expect(scale10([8, 7])!.nps).toBe(0);
  });

  it("is null without answers", () => {
    expect(scale10([])).toBeNull();
  });
});

describe("summarizeCsat(rows, engagementEnd, asOf)", () => {
  const rows = [
    csat("2026-07-03", 4, 5, { src: { file: "csat.csv", line: 3 } }),
    csat("2026-07-02", 5, 5, { src: { file: "csat.csv", line: 2 } }),
    csat("2026-07-04", 9, 10, { src: { file: "csat.csv", line: 4 } }),
    csat("2026-08-01", 2, 5, { src: { file: "csat.csv", line: 5 } }),
  ];

  it("counts responses up to asOf, with first and last dates, by scale", () => {
    expect(summarizeCsat(rows, "2026-06-30", "2026-07-31")).toEqual({
      responses: 3,
      firstDate: "2026-07-02",
      lastDate: "2026-07-04",
      scale5: { count: 2, mean: 4.5, satisfiedShare: 1 },
      scale10: { count: 1, nps: 100, promoters: 1, passives: 0, detractors: 0 },
      firstResponseDays: 2,
      dueDate: "2026-07-02",
      sentDate: null,
      late: false,
      answers: [
        { respondent: "Ana", role: null, date: "2026-07-02", score: 5, scale: 5, comment: null, source: "csat.csv:2" },
        { respondent: "Ana", role: null, date: "2026-07-03", score: 4, scale: 5, comment: null, source: "csat.csv:3" },
        { respondent: "Ana", role: null, date: "2026-07-04", score: 9, scale: 10, comment: null, source: "csat.csv:4" },
      ],
      sources: ["csat.csv:2", "csat.csv:3", "csat.csv:4"],
    });
  });

  it("the survey's timing is judged on the day it was sent, not on the first response", () => {
    // Sent on the second day after the end: on time, though the first response came on the fourth.
    expect(summarizeCsat(rows, "2026-06-28", "2026-07-31", "2026-06-30")).toMatchObject({
      sentDate: "2026-06-30",
      firstResponseDays: 4,
      late: false,
    });
    expect(summarizeCsat(rows, "2026-06-28", "2026-07-31", "2026-07-01")).toMatchObject({ late: true });
    const sent = summarizeCsat(rows, "2026-06-28", "2026-07-31", "2026-06-29");
    expect(csatTiming(sent, "2026-06-28", "2026-07-31")).toBe("on_time");
    expect(csatTiming({ ...sent, sentDate: "2026-07-01" }, "2026-06-28", "2026-07-31")).toBe("late");
  });

  it("is late when the first response came more than 2 days after the end", () => {
    expect(summarizeCsat(rows, "2026-06-29", "2026-07-31")).toMatchObject({ firstResponseDays: 3, late: true });
  });

  it("is late when no response has come more than 2 days after the end", () => {
    expect(summarizeCsat(rows, "2026-06-28", "2026-07-01")).toMatchObject({
      responses: 0,
      firstResponseDays: null,
      late: true,
    });
    expect(summarizeCsat(rows, "2026-06-28", "2026-07-01").scale5).toBeNull();
    expect(summarizeCsat(rows, "2026-06-28", "2026-06-30").late).toBe(false);
  });

  it("has no delay without an engagement end", () => {
    expect(summarizeCsat(rows, undefined, "2026-07-31")).toMatchObject({ firstResponseDays: null, late: false });
  });
});

describe("csatTiming(csat, engagementEnd, asOf)", () => {
  const rows = [csat("2026-07-02", 5, 5, { comment: "Clear", role: "CFO" })];

  it("is on time when the first response came within 2 days of the end, late after that", () => {
    expect(csatTiming(summarizeCsat(rows, "2026-06-30", "2026-07-31"), "2026-06-30", "2026-07-31")).toBe("on_time");
    expect(csatTiming(summarizeCsat(rows, "2026-06-29", "2026-07-31"), "2026-06-29", "2026-07-31")).toBe("late");
  });

  it("awaits answers for 2 days, then is overdue", () => {
    expect(csatTiming(summarizeCsat(rows, "2026-06-30", "2026-07-01"), "2026-06-30", "2026-07-01")).toBe("awaiting");
    expect(csatTiming(summarizeCsat([], "2026-06-30", "2026-07-02"), "2026-06-30", "2026-07-02")).toBe("awaiting");
    expect(csatTiming(summarizeCsat([], "2026-06-30", "2026-07-03"), "2026-06-30", "2026-07-03")).toBe("overdue");
  });

  it("is not recorded without a csat table", () => {
    expect(csatTiming(null, "2026-06-30", "2026-07-31")).toBe("not_recorded");
  });

  it("keeps each answer's respondent, role and comment", () => {
    expect(summarizeCsat(rows, "2026-06-30", "2026-07-31").answers[0]).toMatchObject({ role: "CFO", comment: "Clear" });
  });
});
