// The marker milepost leaves in each share it publishes (`<token>/.milepost-share.json`): whose
// share it is (a hash of token and slug, so it names no customer), whether it is protected, and
// the files it holds with their MD5. It travels with the target, so a lost shares.csv loses
// neither the protection nor the owner, and prune deletes only the shares that carry it.
import { createHash } from "node:crypto";
import type { Target } from "./target.ts";

export const MARKER = ".milepost-share.json";

export interface Marker {
  milepost: 1;
  /** sha256 of "<token>\n<slug>": the customer the token belongs to. */
  owner: string;
  protected: boolean;
  /** What a protected share was sealed from (its files and expiry); null for an open one. */
  source: string | null;
  /** Every file of the share but the marker, with the MD5 of its bytes; null while a publish writes it. */
  files: Record<string, string> | null;
}

export const ownerOf = (token: string, slug: string) => createHash("sha256").update(`${token}\n${slug}`).digest("hex");

/** The marker of share `token` in the target, or null when it has none (or one that is not milepost's). */
export async function readMarker(target: Target, token: string): Promise<Marker | null> {
  const bytes = await target.read(`${token}/${MARKER}`);
  if (!bytes) return null;
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as Marker;
    return value.milepost === 1 && typeof value.owner === "string" ? value : null;
  } catch {
    return null;
  }
}

export async function writeMarker(target: Target, token: string, marker: Marker): Promise<void> {
  await target.put({
    key: `${token}/${MARKER}`,
    body: new TextEncoder().encode(`${JSON.stringify(marker)}\n`),
    type: "application/json",
    cache: "private, no-cache",
  });
}

/** Whether the target holds exactly the files the marker lists under `token`, with the same MD5s. */
export function holdsExactly(remote: Map<string, string>, token: string, marker: Marker): boolean {
  if (!marker.files) return false;
  const under = [...remote].filter(([key]) => key.startsWith(`${token}/`) && key !== `${token}/${MARKER}`);
  const files = Object.entries(marker.files);
  return under.length === files.length && files.every(([path, sum]) => remote.get(`${token}/${path}`) === sum);
}
