// Text files as spreadsheets write them: UTF-8 (with or without BOM), UTF-16 with a BOM, or one of
// the legacy encodings Excel uses for "CSV" on Chinese, Japanese and Western Windows. A legacy file
// is read only when its bytes decode cleanly into the script expected; anything else is refused.
import jschardet from "jschardet";

/** A legacy encoding milepost can read, as it names it to people and to TextDecoder. */
export type Legacy = "Big5" | "Shift-JIS" | "GBK" | "Windows-1252";

const DECODER: Record<Legacy, string> = {
  Big5: "big5",
  "Shift-JIS": "shift_jis",
  GBK: "gbk",
  "Windows-1252": "windows-1252",
};

/** The decoded text, and the legacy encoding it was read from (null for UTF-8/UTF-16). */
export type Decoded =
  { text: string; legacy: Legacy | null } | { text: null; reason: "utf16-no-bom" | "workbook" | "unknown" };

const DETECTED = ["Big5", "GB2312", "GB18030", "SHIFT_JIS", "windows-1252"];

/** Decodes a text file: UTF-8 or UTF-16 by their marks, else the legacy encoding its bytes fit. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), legacy: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), legacy: null };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return { text: null, reason: "workbook" };
  if (looksUtf16(bytes)) return { text: null, reason: "utf16-no-bom" };
  const asUtf8 = utf8(bytes);
  if (asUtf8.text !== null) return asUtf8;
  // Ranked by the detector's letter frequencies; each must also decode cleanly into its own script.
  const ranked = jschardet.detectAll(Buffer.from(bytes), { minimumThreshold: 0, detectEncodings: DETECTED });
  for (const legacy of new Set(ranked.map((d) => legacyNamed(d.encoding ?? "")))) {
    if (!legacy) continue;
    const text = strict(bytes, legacy);
    if (text !== null && plausible(text, legacy)) return { text, legacy };
  }
  return { text: null, reason: "unknown" };
}

function utf8(bytes: Uint8Array): Decoded {
  const text = strict(bytes, "utf-8");
  return text === null ? { text: null, reason: "unknown" } : { text, legacy: null };
}

function strict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(DECODER[encoding as Legacy] ?? encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 400);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return zeros > n / 4;
}

function legacyNamed(name: string): Legacy | undefined {
  const n = name.toUpperCase().replace(/[-_]/g, "");
  if (n === "BIG5") return "Big5";
  if (n === "SHIFTJIS" || n === "CP932") return "Shift-JIS";
  if (n === "GB18030" || n === "GB2312" || n === "GBK") return "GBK";
  if (n === "WINDOWS1252" || n === "ISO88591") return "Windows-1252";
  return undefined;
}

const HAN =
  /[\u4e00-\u9fff\u3000-\u30ff\u31f0-\u31ff\uff00-\uffef\u2010-\u2027\u2190-\u21ff\u25a0-\u25ff\u00b7\u00d7]/u;
const LATIN =
  /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2018-\u201e\u2013\u2014\u2022\u2026\u20ac\u00a0\u00a3\u00a7\u00a9\u00ae\u00b0\u2122]/u;

/** Whether every non-ASCII character of `text` belongs to the script the encoding is for. */
function plausible(text: string, legacy: Legacy): boolean {
  const script = legacy === "Windows-1252" ? LATIN : HAN;
  let run = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      const code = ch.charCodeAt(0);
      if (code <= 0x08 || (code >= 0x0e && code <= 0x1f)) return false;
      run = 0;
      continue;
    }
    if (!script.test(ch)) return false;
    // Western text has accented letters among plain ones; runs of them are another script misread.
    if (legacy === "Windows-1252" && ++run > 2) return false;
  }
  return true;
}
