import { describe, expect, it } from "vitest";
import { headline } from "../../../src/model/summary.ts";

const metrics = (flags: boolean[]) => flags.map((measured, i) => ({ id: `m${i + 1}`, measured }));

describe("headline(metrics)", () => {
  it("takes the measured metrics in file order, at most five", () => {
    expect(headline(metrics([true, false, true, true, true, true, true]))).toEqual(["m1", "m3", "m4", "m5", "m6"]);
  });

  it("fills up to three with unmeasured metrics, in file order", () => {
    expect(headline(metrics([false, true, false, false]))).toEqual(["m1", "m2", "m3"]);
  });

  it("is empty without metrics", () => {
    expect(headline([])).toEqual([]);
  });
});
