import { describe, expect, it } from "vitest";
import { dictionaries } from "../../../templates/i18n/index.ts";

const CJK = "[\\u3040-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff]";
/** A half-width comma, colon, semicolon, full stop, ! or ? touching a CJK character (not a decimal point). */
const HALF_WIDTH = new RegExp(`${CJK}\\s?[,:;.!?](?!\\d)|[,:;!?]\\s?${CJK}`, "u");

describe("Japanese and Chinese labels", () => {
  it.each(["ja", "zh-TW", "zh-CN"] as const)("%s: full-width punctuation (、。，：) next to CJK text", (lang) => {
    const found = Object.entries(dictionaries[lang]).filter(([, text]) => HALF_WIDTH.test(text));
    expect(found).toEqual([]);
  });
});
