// `milepost share rotate <slug>`: a new share token where the customer is kept — customer.json, the
// rest of the file left as it was written, or the customer sheet of customer.xlsx. The next
// `publish --prune` moves the share to the new token and deletes the old link.
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { readCustomer, type KeptCustomer } from "../customer.ts";
import { MilepostError } from "../errors.ts";
import { tokenProblem } from "./tokens.ts";

/** A new share token: 128 random bits, URL-safe (22 characters), drawn again in the rare case it looks patterned. */
export function newToken(): string {
  for (;;) {
    const token = randomBytes(16).toString("base64url");
    if (!tokenProblem(token)) return token;
  }
}

/** Writes a new token where `<dataDir>/<slug>` keeps its customer (customer.json or customer.xlsx) and returns it. */
export async function rotate(dataDir: string, slug: string, token = newToken()): Promise<string> {
  await writeShareToken(await readCustomer(dataDir, slug), token);
  return token;
}

/** Writes `token` as the customer's share.token where it keeps it: customer.json's text, or the workbook's customer sheet. */
export async function writeShareToken(kept: Pick<KeptCustomer, "path" | "kind">, token: string): Promise<void> {
  if (kept.kind === "json") {
    const text = await readFile(kept.path, "utf8");
    await writeFile(kept.path, withToken(text, JSON.parse(text) as { share?: unknown }, token));
    return;
  }
  const { default: Excel } = await import("exceljs");
  const book = new Excel.Workbook();
  await book.xlsx.readFile(kept.path);
  const sheet = book.worksheets.find((s) => s.name.trim().toLowerCase() === "customer");
  if (!sheet)
    throw new MilepostError(
      `${kept.path} has no customer sheet`,
      "its share token has nowhere to go",
      "add a sheet named customer (field | value)",
    );
  let row: number | undefined;
  sheet.eachRow({ includeEmpty: false }, (r, n) => {
    if (String(r.getCell(1).value ?? "").trim() === "share.token") row = n;
  });
  const target = sheet.getRow(row ?? sheet.rowCount + 1);
  target.getCell(1).value = "share.token";
  target.getCell(2).value = token;
  target.commit();
  await book.xlsx.writeFile(kept.path);
}

/** customer.json's text with `token` as share.token: replaced in place, or a share block added before the last brace. */
export function withToken(text: string, value: { share?: unknown }, token: string): string {
  const share = /("share"\s*:\s*\{[^{}]*?"token"\s*:\s*)"(?:[^"\\]|\\.)*"/;
  if (share.test(text)) return text.replace(share, (_, head: string) => `${head}"${token}"`);
  const empty = /("share"\s*:\s*)\{\s*\}/;
  if (empty.test(text)) return text.replace(empty, (_, head: string) => `${head}{ "token": "${token}" }`);
  const shareObject = /("share"\s*:\s*\{)(\s*)/;
  if (value.share && typeof value.share === "object" && shareObject.test(text)) {
    return text.replace(
      shareObject,
      (_, head: string, space: string) => `${head}${space}"token": "${token}",${space.includes("\n") ? space : " "}`,
    );
  }
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
  const end = text.lastIndexOf("}");
  const before = text.slice(0, end).replace(/\s*$/, "");
  return `${before}${before.endsWith("{") ? "" : ","}\n${indent}"share": { "token": "${token}" }\n${text.slice(end)}`;
}
