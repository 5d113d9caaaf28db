import { describe, expect, it } from "vitest";
import { compareKeys, shown, sortedOrder } from "../../../src/portfolio/table.ts";

describe("sortedOrder(keys, descending)", () => {
  it("orders numbers as numbers, dates and names as text, and empty keys last both ways", () => {
    expect(sortedOrder(["10", "", "9", "-3"], false)).toEqual([3, 2, 0, 1]);
    expect(sortedOrder(["10", "", "9", "-3"], true)).toEqual([0, 2, 3, 1]);
    expect(sortedOrder(["2026-10-30", "2026-01-02", ""], false)).toEqual([1, 0, 2]);
    expect(sortedOrder(["b", "a", "b"], true)).toEqual([0, 2, 1]);
  });

  it("keeps equal keys in their order", () => {
    expect(compareKeys("1", "1", true)).toBe(0);
    expect(sortedOrder(["1", "1", "1"], true)).toEqual([0, 1, 2]);
  });
});

describe("shown(row, filter)", () => {
  const row = { csm: "Jordan Hale", health: "red", days: "45" };
  it("passes a row every chosen filter accepts", () => {
    expect(shown(row, { csm: "", health: "", renewal: "" })).toBe(true);
    expect(shown(row, { csm: "Jordan Hale", health: "red", renewal: "90" })).toBe(true);
  });
  it("hides a row of another CSM, health or renewal window", () => {
    expect(shown(row, { csm: "Mei Lin Ong", health: "", renewal: "" })).toBe(false);
    expect(shown(row, { csm: "", health: "green", renewal: "" })).toBe(false);
    expect(shown(row, { csm: "", health: "", renewal: "30" })).toBe(false);
    expect(shown(row, { csm: "", health: "", renewal: "passed" })).toBe(false);
    expect(shown({ ...row, days: "-2" }, { csm: "", health: "", renewal: "passed" })).toBe(true);
    expect(shown({ ...row, days: "" }, { csm: "", health: "", renewal: "180" })).toBe(false);
  });
});
