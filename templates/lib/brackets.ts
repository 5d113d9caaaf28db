// The language's brackets, for text that is more than one label (a figure, a phrase) inside them:
// " (…)" in English, "（…）" in Japanese and Chinese — the label punct.paren, opened in two.
import type { Translate } from "../i18n/index.ts";

/** The opening and closing halves of punct.paren, e.g. [" (", ")"] or ["（", "）"]. */
export function brackets(t: Translate): [string, string] {
  const mark = "\u0000";
  const [open, close] = t("punct.paren", { text: mark }).split(mark);
  return [open, close];
}
