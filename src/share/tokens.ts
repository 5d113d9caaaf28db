// Share tokens: one customer per token. A token is 128 random bits written as 22 URL-safe
// characters (what `share rotate` makes); a guessable one, one of the sample data's outside the
// sample data, or one that two customer folders hold is refused by validate, build and publish.
import { readdir, readFile, realpath } from "node:fs/promises";
import { join, relative } from "node:path";
import type { DataIssue } from "../errors.ts";

/** 16 bytes in base64url without padding: 21 characters, then one whose low four bits are zero. */
const SHAPE = /^[A-Za-z0-9_-]{21}[AQgw]$/;

/** The tokens of the sample portfolio (data/ of the package): public, so never a real customer's. */
export const SAMPLE_TOKENS = new Set([
  "BnfEjuB1FWiEzKD6szHnqg",
  "FHSmeM9ryc30fcoh9vBwlA",
  "-6qm1UFrPkbPThIdnb4MXQ",
  "tbC5n4KzcD_TpynVzlYjzA",
  "sXw9Qe2Lk7Vb4Tn1Rz8YpA",
]);

/**
 * What is wrong with a token's shape or randomness, or null. Random 16 bytes pass these checks
 * but about one in 2,000 (share rotate draws again); words, counters and repeated characters do not.
 */
export function tokenProblem(token: string): string | null {
  if (!SHAPE.test(token)) return "is not a share token: 22 URL-safe characters holding 128 random bits";
  const bits = [...Buffer.from(token, "base64url")].reduce((n, byte) => n + popcount(byte), 0);
  const distinct = new Set(token).size;
  const run = Math.max(...(token.match(/[a-z]+|[A-Z]+/g) ?? [""]).map((r) => r.length));
  const kind = (c: string) => (/[a-z]/.test(c) ? 0 : /[A-Z]/.test(c) ? 1 : /[0-9]/.test(c) ? 2 : 3);
  const changes = [...token].filter((c, i) => i > 0 && kind(c) !== kind(token[i - 1])).length;
  // 128 fair bits have 64 ± 5.7 ones: 36 or 92 is five standard deviations out. Random tokens change
  // between lower case, upper case, digits and -_ about 13 times in 21 steps; words do so rarely.
  if (
    bits < 36 ||
    bits > 92 ||
    distinct < 12 ||
    run >= 12 ||
    changes <= 5 ||
    !/[a-z]/.test(token) ||
    !/[A-Z]/.test(token)
  )
    return "does not look random: it could be guessed";
  return null;
}

const popcount = (byte: number) => byte.toString(2).replaceAll("0", "").length;

/** A customer folder as the token checks see it. */
export interface TokenHolder {
  slug: string;
  /** The folder with symbolic links resolved. */
  real: string;
  token: string;
}

/** The share token of each customer folder of `dataDir` that customer.json gives one (symbolic links followed). */
export async function tokenHolders(dataDir: string): Promise<TokenHolder[]> {
  const names = await readdir(dataDir).catch(() => [] as string[]);
  const holders: TokenHolder[] = [];
  for (const slug of names.filter((n) => /^[a-z0-9][a-z0-9-]*$/.test(n)).sort()) {
    const real = await realpath(join(dataDir, slug)).catch(() => null);
    const text = real && (await readFile(join(real, "customer.json"), "utf8").catch(() => null));
    if (!text) continue;
    try {
      const token = (JSON.parse(text) as { share?: { token?: unknown } }).share?.token;
      if (typeof token === "string") holders.push({ slug, real, token });
    } catch {
      // Not JSON: validation says so.
    }
  }
  return holders;
}

/**
 * The token problems of customer `slug` that need the other customers or the place of the data
 * folder: another folder holding the same token, a sample token outside the sample data.
 */
export async function sharedTokenIssues(
  dataDir: string,
  slug: string,
  holders: TokenHolder[],
  sampleDir: string,
): Promise<DataIssue[]> {
  const mine = holders.find((h) => h.slug === slug);
  if (!mine) return [];
  const file = `${relative(process.cwd(), join(dataDir, slug)) || slug}/customer.json`;
  const issue = (problem: string, fix: string, code: "shared-share-token" | "sample-share-token"): DataIssue => ({
    severity: "error",
    file,
    field: "share.token",
    value: mine.token,
    problem,
    fix,
    code,
  });
  const issues: DataIssue[] = [];
  const others = holders.filter((h) => h.slug !== slug && h.token === mine.token);
  if (others.length > 0) {
    const named = others.map((o) => (o.real === mine.real ? `${o.slug} (the same folder, linked)` : o.slug));
    issues.push(
      issue(
        `is also the token of ${named.join(", ")}: both customers would be published under one link`,
        `give each customer its own token: milepost share rotate ${slug} (or ${others[0].slug})`,
        "shared-share-token",
      ),
    );
  }
  const sample = await realpath(sampleDir).catch(() => sampleDir);
  if (SAMPLE_TOKENS.has(mine.token) && !mine.real.startsWith(`${sample}/`))
    issues.push(
      issue(
        "is a token of milepost's sample data, which anyone can read",
        `run milepost share rotate ${slug} to give the customer its own`,
        "sample-share-token",
      ),
    );
  return issues;
}
