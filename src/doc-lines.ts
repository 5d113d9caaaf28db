// Where a field of a JSON document or a workbook's customer sheet is written: its line, for messages.

/** A document as loaded: its text, and in a workbook the sheet row of each key path. */
export interface LinedDocument {
  text: string;
  lines?: Map<string, number>;
}

/** The line of a field of a document: its sheet row in a workbook (or its list entry's), else its key's line in the JSON text. */
export function lineOf(doc: LinedDocument, path: readonly PropertyKey[]): number | undefined {
  if (!doc.lines) return keyLine(doc.text, path);
  for (let n = path.length; n > 0; n--) {
    const line = doc.lines.get(path.slice(0, n).map(String).join("."));
    if (line !== undefined) return line;
  }
  return undefined;
}

/** The line of a string value in a list of a document (lineOf names the list's first entry in JSON): where the value is written. */
export function valueLine(doc: LinedDocument, path: readonly PropertyKey[], value: string): number | undefined {
  const written = doc.lines
    ? -1
    : doc.text.indexOf(`: ${JSON.stringify(value)}`, doc.text.indexOf(`"${String(path[0])}"`));
  return written < 0 ? lineOf(doc, path) : doc.text.slice(0, written).split("\n").length;
}

/** The line of the last named key of `path` in a JSON text, searched after its parents. */
function keyLine(text: string, path: readonly PropertyKey[]): number | undefined {
  let from = 0;
  for (const key of path) {
    if (typeof key !== "string") continue;
    const i = text.indexOf(`"${key}"`, from);
    if (i < 0) return undefined;
    from = i;
  }
  return from > 0 ? text.slice(0, from).split("\n").length : undefined;
}
