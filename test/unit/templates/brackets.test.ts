import { describe, expect, it } from "vitest";
import { translator } from "../../../templates/i18n/index.ts";
import { brackets } from "../../../templates/lib/brackets.ts";

describe("brackets(t)", () => {
  it("opens punct.paren in two: half-width with its space in English, full-width in Japanese and Chinese", () => {
    expect(brackets(translator("en-AU"))).toEqual([" (", ")"]);
    expect(brackets(translator("ja-JP"))).toEqual(["（", "）"]);
    expect(brackets(translator("zh-TW"))).toEqual(["（", "）"]);
  });
});
