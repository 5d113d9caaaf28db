// Beyond one machine: the fixture portfolio built as four slices by four separate processes
// (--shard i/4), merged, is byte for byte the portfolio built at once (globalSetup's build).
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/render.ts";
import { shardOf } from "../../src/shard.ts";
import { milepost } from "../support/cli.ts";
import { snapshot } from "../support/files.ts";

describe("build --shard i/4 on four processes, then merge", { timeout: 900_000 }, () => {
  it("gives the same output as one build of every customer", async () => {
    const root = await mkdtemp(join(tmpdir(), "milepost-shards-"));
    const slugs = (await readdir(join(PACKAGE_ROOT, "test", "fixtures", "data"))).sort();
    const shards = [1, 2, 3, 4].map((i) => join(root, `shard-${i}`));
    const common = [
      "--all",
      "--period",
      "2026-Q3",
      "--data",
      "test/fixtures/data",
      "--content",
      "test/fixtures/content",
    ];
    const runs = await Promise.all(
      shards.map((out, i) =>
        milepost(["build", ...common, "--shard", `${i + 1}/4`, "--out", out], PACKAGE_ROOT, { CI: "1" }),
      ),
    );
    for (const [i, run] of runs.entries()) {
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const mine = slugs.filter((s) => shardOf(s, 4) === i + 1);
      expect((await readdir(shards[i])).filter((n) => n !== "manifest.json").sort()).toEqual(mine);
    }
    const merged = await milepost(["merge", ...shards, "--out", join(root, "dist")], PACKAGE_ROOT);
    expect(merged.code, merged.stdout + merged.stderr).toBe(0);
    expect(merged.stdout).toBe(`Merged 5 of 5 customers from 4 shards → ${join(root, "dist")}/\n`);
    const single = await snapshot(inject("portfolio"));
    const combined = await snapshot(join(root, "dist"));
    expect([...combined.keys()]).toEqual([...single.keys()]);
    for (const [name, bytes] of single) expect(combined.get(name)?.equals(bytes), name).toBe(true);
  });
});
