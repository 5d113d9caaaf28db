// PDFs written by hand for unit tests, as Chromium writes one: numbered objects and a classic cross-reference table.

/** A PDF of `objects` (object n is objects[n − 1]; object 1 the catalog) with a classic cross-reference table and `id`. */
export function classicPdf(objects: Buffer[], id = "ab"): Uint8Array {
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let at = parts[0].length;
  objects.forEach((body, i) => {
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    offsets.push(at);
    parts.push(object);
    at += object.length;
  });
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) xref += `${String(offset).padStart(10, "0")} 00000 n \n`;
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /ID [<${id}><${id}>] >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(`${xref}${trailer}`));
  return new Uint8Array(Buffer.concat(parts));
}
