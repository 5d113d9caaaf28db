// Splitting the book of business across machines: `--shard i/n` builds the customers whose slug
// hashes to slice i. A customer's slice depends on its slug and n alone, so adding or removing a
// customer moves no other; going from n to n + 1 slices moves about 1 in n + 1 (jump consistent hash).
import { createHash } from "node:crypto";
import { UsageError } from "./errors.ts";

/** One slice of n: index from 1 to count. */
export interface Shard {
  index: number;
  count: number;
}

/** Reads `--shard i/n` (1 ≤ i ≤ n). */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(
      `--shard ${text} is not a slice`,
      "write the slice and the number of slices as i/n, from 1/n to n/n, e.g. --shard 2/4",
    );
  return { index, count };
}

/** The slice (1…count) a slug belongs to. */
export function shardOf(slug: string, count: number): number {
  return jumpHash(createHash("sha256").update(slug).digest().readBigUInt64BE(0), count) + 1;
}

/** The slugs of one slice, in their order. */
export function inShard<T extends string>(slugs: T[], shard: Shard | undefined): T[] {
  return shard ? slugs.filter((slug) => shardOf(slug, shard.count) === shard.index) : slugs;
}

/** Lamping and Veach, "A Fast, Minimal Memory, Consistent Hash Algorithm" (2014): a bucket in [0, buckets). */
function jumpHash(key: bigint, buckets: number): number {
  let bucket = -1;
  let next = 0;
  while (next < buckets) {
    bucket = next;
    key = (key * 2862933555777941757n + 1n) & 0xffffffffffffffffn;
    next = Math.floor((bucket + 1) * (2 ** 31 / Number((key >> 33n) + 1n)));
  }
  return bucket;
}
