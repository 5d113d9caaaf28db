// `milepost share rotate <slug>`: a new share token in the customer's customer.json, the rest
// of the file left as it was written. The next `publish --prune` moves the share to the new
// token and deletes the old link.
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { MilepostError } from "../errors.ts";
import { tokenProblem } from "./tokens.ts";

/** A new share token: 128 random bits, URL-safe (22 characters), drawn again in the rare case it looks patterned. */
export function newToken(): string {
  for (;;) {
    const token = randomBytes(16).toString("base64url");
    if (!tokenProblem(token)) return token;
  }
}

/** Writes a new token into `<dataDir>/<slug>/customer.json` and returns it. */
export async function rotate(dataDir: string, slug: string, token = newToken()): Promise<string> {
  const file = join(dataDir, slug, "customer.json");
  const shown = relative(process.cwd(), file);
  const text = await readFile(file, "utf8").catch((err) => {
    throw new MilepostError(
      `${shown} cannot be read`,
      (err as Error).message,
      `check the customer's name (${slug}) and --data`,
      { cause: err },
    );
  });
  let value: { share?: unknown };
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new MilepostError(
      `${shown} is not valid JSON`,
      (err as Error).message,
      "fix the file (milepost validate shows where), then rotate again",
      { cause: err },
    );
  }
  await writeFile(file, withToken(text, value, token));
  return token;
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
