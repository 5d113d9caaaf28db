// --shard i/n: which customers a slice builds.
import { describe, expect, it } from "vitest";
import { inShard, parseShard, shardOf } from "../../src/shard.ts";

const slugs = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `customer-${from + i}`);

describe("parseShard(text)", () => {
  it("reads i/n and refuses anything else with a hint", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    expect(parseShard("1/1")).toEqual({ index: 1, count: 1 });
    for (const bad of ["0/4", "5/4", "2", "2/0", "a/b", "-1/3"]) {
      expect(() => parseShard(bad)).toThrow(`--shard ${bad} is not a slice`);
    }
    try {
      parseShard("5/4");
    } catch (err) {
      expect((err as { hint: string }).hint).toBe(
        "write the slice and the number of slices as i/n, from 1/n to n/n, e.g. --shard 2/4",
      );
    }
  });
});

describe("shardOf(slug, n)", () => {
  it("puts every customer in exactly one of the n slices, about evenly", () => {
    const all = slugs(2000);
    const slices = [1, 2, 3, 4].map((i) => inShard(all, { index: i, count: 4 }));
    expect(slices.flat().sort()).toEqual([...all].sort());
    for (const slice of slices) expect(slice.length).toBeGreaterThan(400);
  });

  it("depends on the slug alone: adding customers moves none of the others", () => {
    const before = slugs(500);
    const after = [...before, ...slugs(50, 500)];
    const slice = (list: string[], i: number) => inShard(list, { index: i, count: 4 });
    for (const i of [1, 2, 3, 4]) expect(slice(after, i).filter((s) => before.includes(s))).toEqual(slice(before, i));
  });

  it("moves about one customer in n + 1 when a slice is added", () => {
    const all = slugs(3000);
    const moved = all.filter((s) => shardOf(s, 4) !== shardOf(s, 5));
    expect(moved.length).toBeGreaterThan(3000 / 5 - 120);
    expect(moved.length).toBeLessThan(3000 / 5 + 120);
    expect(moved.every((s) => shardOf(s, 5) === 5)).toBe(true);
  });

  it("is the same on every machine and every run (SHA-256 of the slug)", () => {
    const samples = ["acme", "bare", "kiso-kogyo", "closeout-standard", "closeout-triage", "northwind-logistics"];
    expect(samples.map((s) => shardOf(s, 4))).toEqual([2, 2, 3, 4, 4, 1]);
  });
});
