// The fonts of the editable Office files (docx, pptx): one face for Latin text and, for a CJK language, one for its
// East-Asian runs. An application without a face substitutes its own for the run's language, which the files set.
import type { Lang } from "../../templates/i18n/index.ts";

/** Latin text: Arial, which Office has everywhere and LibreOffice draws with its metric twin Liberation Sans. */
export const LATIN = "Arial";

/**
 * The East-Asian face of each CJK language: Noto Sans CJK of its region, the PDFs' faces (scripts/setup.sh installs
 * them). A face named for another region, or Office's own (Yu Gothic, Microsoft JhengHei), is drawn by LibreOffice
 * with Japanese glyphs in a Chinese document.
 */
const EAST_ASIAN: Partial<Record<Lang, string>> = {
  ja: "Noto Sans CJK JP",
  "zh-TW": "Noto Sans CJK TC",
  "zh-CN": "Noto Sans CJK SC",
  ko: "Noto Sans CJK KR",
};

/** The East-Asian face of a language; null for a language written in Latin letters. */
export function eastAsianFont(lang: Lang): string | null {
  return EAST_ASIAN[lang] ?? null;
}
