import { describe, expect, it } from "vitest";
import { breakPoints } from "../../../templates/lib/breaks.ts";

describe("breakPoints(address)", () => {
  it("cuts a URL after its separators, keeping every word and the // whole", () => {
    expect(breakPoints("https://wiki.example.com/ops/run-book?id=7")).toEqual([
      "https://",
      "wiki.",
      "example.",
      "com/",
      "ops/",
      "run-",
      "book?",
      "id=",
      "7",
    ]);
  });

  it("cuts an email before its @ and after its dots", () => {
    expect(breakPoints("siti.rahman@harimau.example")).toEqual(["siti.", "rahman", "@harimau.", "example"]);
  });

  it("gives the address back whole when it has no separator", () => {
    expect(breakPoints("localhost")).toEqual(["localhost"]);
  });
});
