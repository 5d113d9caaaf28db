// Sets a PDF's document information (author, subject, keywords) by an incremental update:
// the bytes Chromium wrote stay as they are and a new Info dictionary is appended after them.

/** The document information milepost writes. */
export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
}

/** A PDF text string: ASCII as a literal, anything else as UTF-16BE hex with a byte-order mark. */
function pdfString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = "FEFF";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, "0");
  return `<${hex.toUpperCase()}>`;
}

/** Returns `pdf` with `info` as its document information; throws if the file has no classic trailer. */
export function withInfo(pdf: Uint8Array, info: PdfInfo): Uint8Array {
  const tail = new TextDecoder("latin1").decode(pdf.subarray(Math.max(0, pdf.length - 4096)));
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const trailer = tail.slice(tail.lastIndexOf("trailer"));
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer);
  if (!startxref || !size || !root) throw new Error("the PDF has no trailer milepost can extend");
  const id = Number(size[1]);
  const fileId = /\/ID\s*\[[^\]]*\]/.exec(trailer)?.[0] ?? "";
  const head = pdf[pdf.length - 1] === 0x0a ? "" : "\n";
  const body =
    `${head}${id} 0 obj\n<< /Title ${pdfString(info.title)} /Author ${pdfString(info.author)} /Subject ${pdfString(info.subject)}` +
    ` /Keywords ${pdfString(info.keywords)} /Creator (milepost) /Producer (milepost with Chromium) >>\nendobj\n`;
  const xrefAt = pdf.length + body.length;
  const update =
    `${body}xref\n0 1\n0000000000 65535 f \n${id} 1\n${String(pdf.length + head.length).padStart(10, "0")} 00000 n \n` +
    `trailer\n<< /Size ${id + 1} /Root ${root[1]} /Info ${id} 0 R /Prev ${startxref[1]} ${fileId} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const out = new Uint8Array(pdf.length + update.length);
  out.set(pdf);
  out.set(new TextEncoder().encode(update), pdf.length);
  return out;
}
