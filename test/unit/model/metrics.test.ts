import { describe, expect, it } from "vitest";
import { addDays } from "../../../src/model/dates.ts";
import {
  changeVsBaseline,
  current,
  forecast,
  meets,
  progress,
  progressState,
  recentPace,
  seriesOf,
} from "../../../src/model/metrics.ts";
import { measurement, metric } from "./factories.ts";

// The seed's example: 15 hours/week of manual reporting at baseline (2026-01-01), target 2.
const hours = metric();
const seedMonths = [
  measurement("2026-02-01", 13),
  measurement("2026-03-01", 9),
  measurement("2026-04-01", 4),
  measurement("2026-05-01", 2.5),
  measurement("2026-06-01", 2),
];

describe("seriesOf(metric, measurements, asOf)", () => {
  it("keeps the metric's rows up to asOf, oldest first", () => {
    const other = measurement("2026-02-15", 99, { metric_id: "M2" });
    const rows = [seedMonths[2], other, seedMonths[0], seedMonths[1]];
    expect(seriesOf(hours, rows, "2026-03-01").map((m) => m.value)).toEqual([13, 9]);
  });

  it("orders rows of the same day by file line", () => {
    const a = measurement("2026-02-01", 5, { src: { file: "measurements.csv", line: 9 } });
    const b = measurement("2026-02-01", 6, { src: { file: "measurements.csv", line: 3 } });
    expect(seriesOf(hours, [a, b], "2026-12-31").map((m) => m.value)).toEqual([6, 5]);
  });
});

describe("current(metric, measurements, asOf)", () => {
  it("is the latest measurement on or before asOf", () => {
    expect(current(hours, seedMonths, "2026-03-01")).toMatchObject({ value: 9, date: "2026-03-01" });
    expect(current(hours, seedMonths, "2026-03-31")).toMatchObject({ value: 9, date: "2026-03-01" });
  });

  it("is the baseline, dated baseline_date, with no measurement", () => {
    expect(current(hours, [], "2026-06-30")).toEqual({ value: 15, date: "2026-01-01", measurement: null });
  });

  it("is the baseline when asOf is before the first measurement, or before the baseline date", () => {
    expect(current(hours, seedMonths, "2026-01-31").value).toBe(15);
    expect(current(hours, seedMonths, "2025-06-30").value).toBe(15);
  });
});

describe("progress(metric, value)", () => {
  it("follows the seed's months: 2/13, 6/13, 11/13, 12.5/13, 1", () => {
    const asOfs = ["2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"];
    const got = asOfs.map((d) => progress(hours, current(hours, seedMonths, d).value)!);
    expect(got[0]).toBeCloseTo(0.1538, 4);
    expect(got[1]).toBeCloseTo(0.4615, 4);
    expect(got[2]).toBeCloseTo(0.8462, 4);
    expect(got[3]).toBeCloseTo(0.9615, 4);
    expect(got[4]).toBe(1);
  });

  it("is 0 with no measurements", () => {
    expect(progress(hours, current(hours, [], "2026-06-30").value)).toBe(0);
  });

  it("works for up metrics: 73 % → 96 %, now 87 %", () => {
    const accuracy = metric({ direction: "up", unit: "%", baseline: 73, target: 96 });
    expect(progress(accuracy, 87)).toBeCloseTo(14 / 23, 12);
  });

  it("is unclamped above 1 and below 0", () => {
    expect(progress(hours, 1)).toBeCloseTo(14 / 13, 12);
    expect(progress(hours, 16)).toBeCloseTo(-1 / 13, 12);
  });

  it("drops when the target is reached and then lost", () => {
    const rows = [...seedMonths, measurement("2026-07-01", 5)];
    const before = progress(hours, current(hours, rows, "2026-06-30").value)!;
    const after = progress(hours, current(hours, rows, "2026-07-01").value)!;
    expect(before).toBe(1);
    expect(after).toBeCloseTo(10 / 13, 12);
  });

  it("is null when the target equals the baseline", () => {
    expect(progress(metric({ target: 15 }), 10)).toBeNull();
  });
});

describe("progressState(metric, value)", () => {
  it("names exceeded > 1, met = 1, progressing 0..1, regressed < 0", () => {
    expect(progressState(hours, 1)).toBe("exceeded");
    expect(progressState(hours, 2)).toBe("met");
    expect(progressState(hours, 9)).toBe("progressing");
    expect(progressState(hours, 15)).toBe("progressing");
    expect(progressState(hours, 16)).toBe("regressed");
  });

  it("compares with the target in the metric's direction when target equals baseline", () => {
    const hold = metric({ target: 15 });
    expect(progressState(hold, 14)).toBe("exceeded");
    expect(progressState(hold, 15)).toBe("met");
    expect(progressState(hold, 16)).toBe("regressed");
  });
});

describe("changeVsBaseline(metric, value)", () => {
  it("is (current − baseline) / |baseline|", () => {
    expect(changeVsBaseline(hours, 2)).toBeCloseTo(-13 / 15, 12);
    expect(changeVsBaseline(metric({ direction: "up", baseline: 73, target: 96 }), 87)).toBeCloseTo(14 / 73, 12);
    expect(changeVsBaseline(metric({ baseline: -10, target: 0, direction: "up" }), -5)).toBeCloseTo(0.5, 12);
  });

  it("is null when the baseline is 0", () => {
    expect(changeVsBaseline(metric({ baseline: 0, target: 10, direction: "up" }), 4)).toBeNull();
  });
});

describe("meets(metric, value, threshold)", () => {
  it("is ≤ for down metrics and ≥ for up metrics", () => {
    expect(meets(hours, 2, 2)).toBe(true);
    expect(meets(hours, 2.1, 2)).toBe(false);
    const up = metric({ direction: "up", baseline: 73, target: 96 });
    expect(meets(up, 96, 96)).toBe(true);
    expect(meets(up, 95.9, 96)).toBe(false);
  });
});

describe("forecast(metric, measurements, asOf)", () => {
  it("fits the baseline and the measurements and dates the target: an exact line", () => {
    // (0, 15), (10, 13), (20, 11): slope −0.2/day; from the latest (day 20, 11) the target 2 is 45 days on: 2026-03-07.
    const rows = [measurement("2026-01-11", 13), measurement("2026-01-21", 11)];
    expect(forecast(hours, rows, "2026-01-21")).toEqual({
      date: "2026-03-07",
      status: "on_track",
      slope: -0.2,
      intercept: 15,
      points: 3,
      dueDate: "2026-12-31",
      shortfall: null,
      pace: "overall",
    });
  });

  it("takes the least-squares slope but projects from the latest measurement, rounding the days up", () => {
    // (0, 15), (10, 12), (20, 11): slope −0.2, intercept 44/3 (the line alone would reach 2 on day 63);
    // from the latest (2026-01-21, 11): (2 − 11) ÷ −0.2 = 45 days → 2026-03-07.
    const f = forecast(hours, [measurement("2026-01-11", 12), measurement("2026-01-21", 11)], "2026-01-25");
    expect(f.slope).toBeCloseTo(-0.2, 12);
    expect(f.intercept).toBeCloseTo(44 / 3, 12);
    expect(f.date).toBe("2026-03-07");
  });

  it("never dates a forecast before asOf: a projection that lands earlier is dated asOf", () => {
    const rows = [measurement("2026-01-11", 13), measurement("2026-01-21", 11)];
    expect(forecast(hours, rows, "2026-06-30")).toMatchObject({ date: "2026-06-30", status: "on_track" });
  });

  it("is behind when the projection reaches the target after target_date", () => {
    const late = metric({ target_date: "2026-03-06" });
    const f = forecast(late, [measurement("2026-01-11", 13), measurement("2026-01-21", 11)], "2026-01-21");
    expect(f).toMatchObject({ date: "2026-03-07", status: "behind" });
  });

  it("is on track on target_date itself", () => {
    const tight = metric({ target_date: "2026-03-07" });
    expect(forecast(tight, [measurement("2026-01-11", 13), measurement("2026-01-21", 11)], "2026-01-21").status).toBe(
      "on_track",
    );
  });

  it("a target is due on its date: missed on target_date itself when the latest value falls short, saying by how much", () => {
    const late = metric({ target_date: "2026-03-06" });
    const rows = [measurement("2026-01-11", 13), measurement("2026-01-21", 11)];
    expect(forecast(late, rows, "2026-03-07")).toMatchObject({
      date: null,
      status: "missed",
      dueDate: "2026-03-06",
      shortfall: 9,
    });
    expect(forecast(late, rows, "2026-03-06").status).toBe("missed");
    expect(forecast(late, rows, "2026-03-05").status).toBe("behind");
  });

  it("is due on the metric's own revised date where one applies", () => {
    const late = metric({ target_date: "2026-03-06" });
    const rows = [measurement("2026-01-11", 13), measurement("2026-01-21", 11)];
    expect(forecast(late, rows, "2026-04-01", "2026-06-30")).toMatchObject({
      date: "2026-04-01",
      status: "on_track",
      dueDate: "2026-06-30",
    });
  });

  it("on_track needs the recent pace too: a slowdown over the last measurements is behind, and says so", () => {
    // 50 → 75 (up), due 2026-11-30. Fast early, then +1 a month for four months: the line through every point
    // reaches 75 in mid-October, the last three measurements' pace (+1 a month) only in December.
    const up = metric({
      direction: "up",
      unit: "%",
      baseline: 50,
      target: 75,
      baseline_date: "2026-01-01",
      target_date: "2026-11-30",
    });
    const rows = [
      measurement("2026-02-01", 60),
      measurement("2026-03-01", 68),
      measurement("2026-06-01", 69),
      measurement("2026-07-01", 70),
      measurement("2026-08-01", 71),
      measurement("2026-09-01", 72),
    ];
    const slow = forecast(up, rows, "2026-09-30");
    expect(slow).toMatchObject({ status: "behind", pace: "recent" });
    expect(slow.date! > "2026-11-30").toBe(true);
    const steady = rows.map((r, i) => measurement(r.date, 52 + i * 3.5));
    expect(forecast(up, steady, "2026-09-30")).toMatchObject({ status: "on_track", pace: "overall" });
  });

  it("recentPace reads the last three measurements, or the last 90 days when they hold more", () => {
    const rows = [0, 40, 80, 120, 160].map((d, i) => measurement(addDays("2026-03-01", d), 14 - i));
    expect(recentPace(hours, rows, "2026-08-08")?.points).toBe(3);
    const dense = [1, 5, 9, 13, 17].map((d, i) => measurement(addDays("2026-06-01", d), 14 - i / 2));
    expect(recentPace(hours, dense, "2026-07-01")?.points).toBe(5);
    expect(recentPace(hours, rows.slice(0, 1), "2026-07-01")).toBeNull();
  });

  it("is missed without measurements too, short by the whole way", () => {
    expect(forecast(metric({ target_date: "2026-03-06" }), [], "2026-04-01")).toMatchObject({
      status: "missed",
      shortfall: 13,
    });
  });

  it("works for up metrics", () => {
    // (0, 73), (30, 80), (60, 87): slope 7/30; from (2026-03-02, 87): 9 ÷ 7/30 = 38.57 → 39 days → 2026-04-10.
    const up = metric({ direction: "up", baseline: 73, target: 96 });
    const f = forecast(up, [measurement("2026-01-31", 80), measurement("2026-03-02", 87)], "2026-03-02");
    expect(f.slope).toBeCloseTo(7 / 30, 12);
    expect(f).toMatchObject({ date: "2026-04-10", status: "on_track" });
  });

  it("is not converging when the line moves away from the target, and keeps the line", () => {
    const f = forecast(hours, [measurement("2026-01-11", 16), measurement("2026-01-21", 17)], "2026-06-30");
    expect(f.status).toBe("not_converging");
    expect(f.date).toBeNull();
    expect(f.slope).toBeCloseTo(0.1, 12);
    expect(f.intercept).toBeCloseTo(15, 12);
  });

  it("is not converging when the line is flat", () => {
    const f = forecast(hours, [measurement("2026-01-11", 15), measurement("2026-01-21", 15)], "2026-06-30");
    expect(f).toMatchObject({ status: "not_converging", date: null, slope: 0 });
  });

  it("needs 3 points, the baseline included", () => {
    expect(forecast(hours, [measurement("2026-01-11", 13)], "2026-06-30")).toEqual({
      date: null,
      status: "insufficient_data",
      slope: null,
      intercept: null,
      points: 2,
      dueDate: "2026-12-31",
      shortfall: null,
      pace: null,
    });
    expect(forecast(hours, [], "2026-06-30").status).toBe("insufficient_data");
  });

  it("counts only measurements up to asOf", () => {
    const rows = [measurement("2026-01-11", 13), measurement("2026-01-21", 11)];
    expect(forecast(hours, rows, "2026-01-20").status).toBe("insufficient_data");
  });

  it("is insufficient when every point is on the baseline date", () => {
    const rows = [measurement("2026-01-01", 14), measurement("2026-01-01", 13)];
    expect(forecast(hours, rows, "2026-06-30").status).toBe("insufficient_data");
  });

  it("reports a target already reached as reached, on the first measurement that met it, keeping the line", () => {
    // (0, 15), (10, 5), (20, 1): slope −0.7, intercept 14; the measurement of 2026-01-21 (1 ≤ 2) reached the target.
    const f = forecast(hours, [measurement("2026-01-11", 5), measurement("2026-01-21", 1)], "2026-06-30");
    expect(f.slope).toBeCloseTo(-0.7, 12);
    expect(f.intercept).toBeCloseTo(14, 12);
    expect(f).toMatchObject({ date: "2026-01-21", status: "reached" });
  });

  it("forecasts again once a reached target is lost", () => {
    const f = forecast(
      hours,
      [measurement("2026-01-11", 5), measurement("2026-01-21", 1), measurement("2026-01-31", 3)],
      "2026-06-30",
    );
    expect(f.status).not.toBe("reached");
  });
});
