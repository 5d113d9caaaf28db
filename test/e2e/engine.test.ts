// The warm engine (src/engine.ts) on real builds: the templates are bundled once and kept, a later build renders
// with the kept bundle (no new bundle, the same bytes), an edited narrative is bundled anew, and a build killed while
// it bundles leaves nothing a later build would use, and one that cannot be loaded is bundled again.
import { appendFile, cp, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/render.ts";
import { KEY_FILE } from "../../src/incremental.ts";
import { milepost, start, type Run } from "../support/cli.ts";
import { FIXTURES } from "../support/portfolio.ts";

let cwd: string;
// Engines of this test's own, inside the package (a bundle resolves Astro's packages from its node_modules).
let engines: string;
const env = () => ({ MILEPOST_ENGINE_DIR: engines });
const ok = (run: Run) => expect(run.code, run.stdout + run.stderr).toBe(0);

/** Every file under `dir` with its bytes (incremental keys aside). */
async function tree(dir: string): Promise<Map<string, string>> {
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter(
    (e) => e.isFile() && e.name !== KEY_FILE,
  );
  const names = entries.map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
  return new Map(
    await Promise.all(names.map(async (n) => [n, (await readFile(join(dir, n))).toString("hex")] as const)),
  );
}

/** The kept engines' folders, ready or not. */
const kept = async () => (await readdir(engines).catch(() => [] as string[])).sort();
const ready = async () => {
  const names = [];
  for (const name of await kept())
    if (await stat(join(engines, name, "engine.json")).catch(() => null)) names.push(name);
  return names;
};

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), "milepost-engine-"));
  engines = await mkdtemp(join(PACKAGE_ROOT, ".milepost", "engine-test-"));
  await cp(join(FIXTURES, "data", "bare"), join(cwd, "data", "bare"), { recursive: true });
  await cp(join(FIXTURES, "data", "acme"), join(cwd, "data", "acme"), { recursive: true });
  await cp(join(FIXTURES, "content", "acme"), join(cwd, "content", "acme"), { recursive: true });
});
afterAll(async () => {
  await rm(engines, { recursive: true, force: true });
  await rm(cwd, { recursive: true, force: true });
});

describe("the warm engine", { timeout: 600_000 }, () => {
  it("is bundled by the first build, then reused as it is: no new bundle, the same files byte for byte", async () => {
    const build = (out: string) =>
      milepost(["build", "bare", "--pack", "qbr", "--no-pdf", "--out", out, "--force"], cwd, env());
    ok(await build("first"));
    const [engine] = await ready();
    expect(await kept()).toEqual([engine]);
    const marker = await stat(join(engines, engine, "engine.json"));
    ok(await build("second"));
    expect(await kept()).toEqual([engine]);
    const again = await stat(join(engines, engine, "engine.json"));
    expect([again.ino, again.mtimeMs]).toEqual([marker.ino, marker.mtimeMs]);
    const first = await tree(join(cwd, "first"));
    expect(first.size).toBeGreaterThan(10);
    expect(await tree(join(cwd, "second"))).toEqual(first);
  });

  it("bundles the templates again when a kept engine cannot be loaded (its bundle gone), and renders the same files", async () => {
    const build = (out: string) => milepost(["build", "bare", "--pack", "qbr", "--no-pdf", "--out", out], cwd, env());
    const [engine] = await ready();
    await rm(join(engines, engine, "server"), { recursive: true });
    ok(await build("unusable"));
    expect(await ready()).toEqual([engine]);
    expect(await stat(join(engines, engine, "server"))).toBeTruthy();
    expect(await tree(join(cwd, "unusable"))).toEqual(await tree(join(cwd, "first")));
  });

  it("bundles a customer's narrative anew when it is edited, and shows the edit", async () => {
    const build = () => milepost(["build", "acme", "--pack", "qbr", "--no-pdf", "--out", "narrative"], cwd, env());
    ok(await build());
    const before = await ready();
    ok(await build());
    expect(await ready()).toEqual(before);
    await appendFile(join(cwd, "content", "acme", "summary.mdx"), "\nAn edited closing line.\n");
    ok(await build());
    const after = await ready();
    expect(after).toHaveLength(before.length + 1);
    expect(after).toEqual(expect.arrayContaining(before));
    const pages = await readdir(join(cwd, "narrative", "acme"));
    const html = await Promise.all(
      pages.filter((p) => p.endsWith(".html")).map((p) => readFile(join(cwd, "narrative", "acme", p), "utf8")),
    );
    expect(html.some((h) => h.includes("An edited closing line."))).toBe(true);
  });

  it("killed while it bundles, leaves no engine a later build uses; the next build bundles a whole one", async () => {
    const fresh = await mkdtemp(join(PACKAGE_ROOT, ".milepost", "engine-test-killed-"));
    const killedEnv = { MILEPOST_ENGINE_DIR: fresh };
    try {
      const { child, done } = start(["build", "bare", "--pack", "qbr", "--no-pdf", "--out", "killed"], cwd, killedEnv);
      // Killed once the bundle is copied into the engine's folder and before it is marked ready.
      let half: string | undefined;
      while (!half && child.exitCode === null) {
        for (const name of await readdir(fresh).catch(() => [] as string[]))
          if (await stat(join(fresh, name, "capture.json")).catch(() => null)) half = name;
        if (!half) await new Promise((r) => setTimeout(r, 10));
      }
      child.kill("SIGKILL");
      expect((await done).signal).toBe("SIGKILL");
      expect(half).toMatch(/^\.new-\d+-/);
      // What the killed build left is not an engine: nothing in its place is ready.
      expect(await readdir(fresh)).toEqual([half]);
      expect(await stat(join(fresh, half!, "engine.json")).catch(() => null)).toBeNull();

      ok(await milepost(["build", "bare", "--pack", "qbr", "--no-pdf", "--out", "after"], cwd, killedEnv));
      const names = await readdir(fresh);
      expect(names).toHaveLength(1);
      expect(names[0]).not.toBe(half);
      expect(await stat(join(fresh, names[0], "engine.json"))).toBeTruthy();
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });
});
