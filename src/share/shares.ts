// shares.csv: the links, expiry dates and passcodes of the published shares, kept on this
// machine for the people who send them (it is never uploaded).
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { parse } from "csv-parse/sync";

export interface ShareRow {
  customer: string;
  slug: string;
  link: string;
  /** YYYY-MM-DD or "". */
  expires: string;
  /** "" when the share is not protected. */
  passcode: string;
  token: string;
  published: string;
  /** What the sealed copy was made from (protected shares), so an unchanged pack is not sealed again. */
  digest: string;
}

const COLUMNS: (keyof ShareRow)[] = ["customer", "slug", "link", "expires", "passcode", "token", "published", "digest"];

export async function readShares(file: string): Promise<ShareRow[]> {
  const text = await readFile(file, "utf8").catch(() => null);
  if (text === null) return [];
  return (parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[]).map(
    (r) => Object.fromEntries(COLUMNS.map((c) => [c, r[c] ?? ""])) as unknown as ShareRow,
  );
}

export async function writeShares(file: string, rows: ShareRow[]): Promise<void> {
  const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [COLUMNS.join(","), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(","))];
  await mkdir(dirname(file), { recursive: true });
  // Closed before the passcodes go in: an existing file keeps its mode through writeFile (e.g. 0644).
  await chmod(file, 0o600).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== "ENOENT") throw err;
  });
  await writeFile(file, `${lines.join("\n")}\n`, { mode: 0o600 });
}
