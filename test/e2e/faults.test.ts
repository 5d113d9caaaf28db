// Fault injection: the build killed (SIGKILL) at each stage boundary and at random moments, its
// Chromium failing to start or killed mid-print, the output folder read-only or full. After
// each: every customer's previous output byte for byte, a manifest that lists exactly the folders
// there are, no stray Chromium, a clear message; after the next build, no leftovers.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, defaultEffects } from "../../src/build.ts";
import { PACKAGE_ROOT } from "../../src/render.ts";
import { milepost, start, type Run } from "../support/cli.ts";
import { FIXTURES } from "../support/portfolio.ts";
import { snapshot } from "../support/files.ts";

const SLUGS = ["acme", "bare"];
// --force: each run rebuilds, as these tests are about what a rebuild does when it fails.
const ARGS = ["build", ...SLUGS, "--pack", "qbr", "--period", "2026-Q3", "--force"];
let cwd: string;
let out: string;
/** Where the runs of this file keep their working folders: their Chromium carries it in its environment. */
let work: string;
let baseline: Map<string, Buffer>;

const run = (extra: string[] = [], env: NodeJS.ProcessEnv = {}, outDir = out) =>
  milepost([...ARGS, "--out", outDir, ...extra], cwd, { MILEPOST_WORK: work, ...env });

/** Processes started by this file's builds (Chromium and its helpers inherit MILEPOST_WORK), once they had time to exit. */
async function strays(): Promise<string[]> {
  const find = () => {
    const found: string[] = [];
    // Read /proc directly: spawning a process per pid made each look take seconds.
    for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
      try {
        if (readFileSync(`/proc/${pid}/environ`, "latin1").split("\0").includes(`MILEPOST_WORK=${work}`))
          found.push(pid);
      } catch {
        // gone, or not ours to read
      }
    }
    return found;
  };
  for (let i = 0; i < 40; i++) {
    if (find().length === 0) return [];
    await new Promise((r) => setTimeout(r, 250));
  }
  return find().map((pid) => execFileSync("ps", ["-o", "args=", "-p", pid], { encoding: "utf8" }).trim().slice(0, 120));
}

/** The customer folders as a reader finds them after a kill: each either in place or, killed between the two renames, as its .old-* to be restored. */
async function recoverable(dir: string): Promise<Map<string, Buffer>> {
  const names = await readdir(dir);
  const files = new Map<string, Buffer>();
  for (const slug of SLUGS) {
    const from = names.includes(slug) ? slug : names.find((n) => n.startsWith(`.old-${slug}-`));
    expect(from, `${slug} has no complete folder: ${names.join(", ")}`).toBeDefined();
    for (const [name, bytes] of await snapshot(join(dir, from!))) files.set(`${slug}/${name}`, bytes);
  }
  return files;
}

const customerFiles = (files: Map<string, Buffer>) =>
  new Map([...files].filter(([name]) => SLUGS.some((s) => name.startsWith(`${s}/`))));

/** The manifest lists exactly the customer folders there are, with their files and figures. */
async function expectConsistentManifest(dir: string) {
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as {
    customers: { slug: string; asOf: string; site: string; report: string; pdfs: string[] }[];
  };
  const folders = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => e.name);
  expect(manifest.customers.map((c) => c.slug)).toEqual(folders.sort());
  for (const c of manifest.customers) {
    for (const file of [c.site, c.report, ...c.pdfs]) expect(existsSync(join(dir, file)), file).toBe(true);
    expect(JSON.parse(await readFile(join(dir, c.report), "utf8")).asOf).toBe(c.asOf);
  }
}

/**
 * The files as a failed build must leave them: the manifest may mark a customer the build failed
 * for as stale (its entry describing the previous output), nothing else may change.
 */
function previousOutput(files: Map<string, Buffer>, stale?: string[]): Map<string, unknown> {
  const manifest = files.get("manifest.json");
  const compared = new Map<string, unknown>(files);
  if (!manifest) return compared;
  const { customers } = JSON.parse(manifest.toString()) as { customers: Record<string, unknown>[] };
  compared.set(
    "manifest.json",
    customers.map(({ status, failed: _, ...entry }) => ({
      ...entry,
      stale: stale ? stale.includes(entry.slug as string) : status === "stale",
    })),
  );
  return compared;
}

/** The customers the manifest in `dir` marks stale: the last build failed for them, their previous output kept. */
async function staleIn(dir: string): Promise<string[]> {
  const { customers } = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as {
    customers: { slug: string; status: string }[];
  };
  return customers.filter((c) => c.status === "stale").map((c) => c.slug);
}

/** After a complete build: the output exactly as at the start, nothing left in the working folders. */
async function expectClean(dir = out, expected = baseline, stale?: string[]) {
  expect([...(await snapshot(dir)).keys()]).toEqual([...expected.keys()]);
  expect(previousOutput(await snapshot(dir))).toEqual(previousOutput(expected, stale));
  await expectConsistentManifest(dir);
  expect(await readdir(work)).toEqual([]);
  expect(await strays()).toEqual([]);
}

function expectClearFailure(result: Run) {
  expect(result.code, result.stdout + result.stderr).toBe(1);
  expect(result.stdout + result.stderr).not.toMatch(/^\s+at |Unexpected error/m);
}

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), "milepost-faults-"));
  for (const slug of SLUGS) await cp(join(FIXTURES, "data", slug), join(cwd, "data", slug), { recursive: true });
  // The output in an unrelated temporary folder, far from the package and from the data.
  out = join(await mkdtemp(join(tmpdir(), "milepost-faults-out-")), "dist");
  await mkdir(join(PACKAGE_ROOT, ".milepost"), { recursive: true });
  work = await mkdtemp(join(PACKAGE_ROOT, ".milepost", "faults-"));
  const first = await run();
  expect(first.code, first.stdout + first.stderr).toBe(0);
  baseline = await snapshot(out);
  expect([...baseline.keys()]).toContain("acme/acme-qbr-2026-Q3.pdf");
}, 600_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Kills a build at each point in turn, checking after each that every customer has its complete previous folder; then builds to the end and checks nothing is left. */
async function killAt(points: string[], extra: string[], dir: string, expected: Map<string, Buffer>) {
  for (const point of points) {
    const killed = await run(extra, { MILEPOST_KILL_AT: point }, dir);
    expect(killed.signal, `${point}: ${killed.stdout}${killed.stderr}`).toBe("SIGKILL");
    expect(await strays(), point).toEqual([]);
    expect(await recoverable(dir), point).toEqual(customerFiles(expected));
  }
  const next = await run(extra, {}, dir);
  expect(next.code, next.stdout + next.stderr).toBe(0);
  await expectClean(dir, expected);
}

describe("a build killed with SIGKILL", { timeout: 600_000 }, () => {
  it("builds the same bytes again, with --out far from the project, and leaves nothing behind", async () => {
    expect((await run()).code).toBe(0);
    await expectClean();
  });

  it("before and while printing (prepared, rendered, printing, printed) keeps every customer's folder; the next build cleans up", async () => {
    await killAt(["prepared", "rendered", "printing", "printed"], [], out, baseline);
  });

  it("while swapping folders and writing the manifest keeps every customer's complete folder; the next build restores it", async () => {
    // Sites only, into a folder of their own: the swap is the same, without waiting for PDFs.
    const dir = join(out, "..", "sites");
    expect((await run(["--no-pdf"], {}, dir)).code).toBe(0);
    await killAt(
      ["publish:incoming", "publish:between-renames", "publish:swapped", "manifest"],
      ["--no-pdf"],
      dir,
      await snapshot(dir),
    );
  });

  it("at random moments (seeded) does the same", async () => {
    let seed = 20260930;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2; i++) {
      const { child, done } = start([...ARGS, "--out", out], cwd, { MILEPOST_WORK: work });
      const timer = setTimeout(() => child.kill("SIGKILL"), 1000 + random() * 6000);
      const ended = await done;
      clearTimeout(timer);
      if (ended.code !== 0) expect(ended.signal, ended.stdout + ended.stderr).toBe("SIGKILL");
      expect(await strays()).toEqual([]);
      expect(await recoverable(out)).toEqual(customerFiles(baseline));
    }
    expect((await run()).code).toBe(0);
    await expectClean();
  });
});

describe("a build interrupted while a PDF is finished in its thread (src/pdf-worker.ts)", { timeout: 600_000 }, () => {
  it("by Ctrl-C or SIGTERM: exits at once with the thread, keeps every customer's folder, leaves no process or working folder", async () => {
    for (const [signal, code] of [
      ["SIGINT", 130],
      ["SIGTERM", 143],
    ] as const) {
      const stopped = await run([], { MILEPOST_KILL_AT: "finishing", MILEPOST_KILL_SIGNAL: signal });
      expect(stopped.code, `${signal}: ${stopped.stdout}${stopped.stderr}`).toBe(code);
      expect(await strays(), signal).toEqual([]);
      expect(await readdir(work), signal).toEqual([]);
      expect(await recoverable(out), signal).toEqual(customerFiles(baseline));
    }
    expect((await run()).code).toBe(0);
    await expectClean();
  });
});

describe("Chromium failing", { timeout: 300_000 }, () => {
  it("that does not start: says so, exit 1, previous output kept", async () => {
    const fake = join(cwd, "broken-chrome");
    await writeFile(fake, "#!/bin/sh\necho 'error while loading shared libraries: libnss3.so' >&2\nexit 127\n");
    await chmod(fake, 0o755);
    const result = await run([], { MILEPOST_CHROME: fake });
    expectClearFailure(result);
    expect(result.stderr).toMatch(
      new RegExp(
        `(^|\\n)Chromium did not start\\n${fake} could not be started: .+\\n  Check that the browser runs on this machine`,
      ),
    );
    await expectClean();
  });

  it("that is not where MILEPOST_CHROME points: says so instead of printing with another browser", async () => {
    const result = await run([], { MILEPOST_CHROME: "/nonexistent/chrome" });
    expectClearFailure(result);
    expect(result.stderr).toBe(
      "No browser where you pointed\nMILEPOST_CHROME names /nonexistent/chrome, and there is no such file.\n  Write the path of Chrome or Chromium in MILEPOST_CHROME (e.g. export MILEPOST_CHROME=/usr/bin/chromium), or unset it to let milepost look in the usual places.\n",
    );
    await expectClean();
  });

  it("killed while printing: names the document and the customer, keeps its previous output", async () => {
    const result = await run([], { MILEPOST_KILL_BROWSER_AT: "printing" });
    expectClearFailure(result);
    const failed = SLUGS.filter((slug) => result.stdout.includes(`✗ ${slug} — 1 error, previous output kept`));
    expect(failed.length).toBeGreaterThan(0);
    for (const slug of failed) {
      expect(result.stdout).toContain(
        `    error  ${slug}/${slug}-qbr-2026-Q3.pdf was not printed: Chromium stopped while printing it — ${slug} keeps its previous output; build ${slug} again, and if Chromium stops again, run with --debug\n`,
      );
    }
    expect(await staleIn(out)).toEqual(failed);
    await expectClean(out, baseline, failed);
  });
});

/** Mounts a tmpfs of `size` at `dir` when this machine lets us (root with CAP_SYS_ADMIN); false otherwise. */
function mountTmpfs(dir: string, size: string): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("the output folder", { timeout: 300_000 }, () => {
  it("read-only: says so, exit 1, previous output kept", async () => {
    const dir = await mkdtemp(join(tmpdir(), "milepost-ro-"));
    const mounted = mountTmpfs(dir, "16m");
    try {
      await cp(out, join(dir, "dist"), { recursive: true });
      const before = await snapshot(join(dir, "dist"));
      if (mounted) execFileSync("mount", ["-o", "remount,ro", dir]);
      else if (process.getuid?.() !== 0) await chmod(join(dir, "dist"), 0o555);
      else return void console.warn("read-only output not tested: root without permission to mount");
      const result = await run([], {}, join(dir, "dist"));
      expectClearFailure(result);
      expect(result.stderr).toBe(
        `No permission to write\nmilepost may not write the output folder ${join(dir, "dist")} (${join(dir, "dist", ".milepost-lock")})${mounted ? ": the disk is mounted read-only" : ""}. Nothing there was changed.\n  Make the folder writable for you, or build into another folder with --out.\n`,
      );
      await expectClean(join(dir, "dist"), before);
    } finally {
      if (mounted) execFileSync("umount", [dir]);
      else await chmod(join(dir, "dist"), 0o755).catch(() => {});
    }
  });

  it("on a full disk: the customers that did not fit fail with their previous output kept", async () => {
    const dir = await mkdtemp(join(tmpdir(), "milepost-full-"));
    const used = [...baseline.values()].reduce((n, b) => n + b.length, 0);
    // Room for the previous output (a block at least per file) and a little more, not for a second copy of a customer.
    if (!mountTmpfs(dir, `${Math.ceil((used + baseline.size * 4096 + 100_000) / 4096) * 4}k`)) return simulatedFull();
    try {
      await cp(out, join(dir, "dist"), { recursive: true });
      const before = await snapshot(join(dir, "dist"));
      const result = await run([], {}, join(dir, "dist"));
      expectClearFailure(result);
      for (const slug of SLUGS) {
        expect(result.stdout).toMatch(
          new RegExp(
            `✗ ${slug} — 1 error, previous output kept.*\n    error  ${join(dir, "dist", slug)} could not be written: the disk is full — Free some space on that disk, or build into a folder on another disk with --out.\n`,
          ),
        );
      }
      expect(await staleIn(join(dir, "dist"))).toEqual(SLUGS);
      await expectClean(join(dir, "dist"), before, SLUGS);
    } finally {
      execFileSync("umount", [dir]);
    }
  });
});

/** Without permission to mount a small disk: a full disk simulated where the build writes a customer's folder. */
async function simulatedFull() {
  const before = await snapshot(out);
  const results = await build(
    {
      dataDir: join(cwd, "data"),
      contentDir: join(cwd, "content"),
      outDir: out,
      customers: SLUGS,
      pack: "qbr",
      asOf: "2026-09-30",
      period: "2026-Q3",
      pdf: false,
    },
    {
      ...defaultEffects,
      publish: async () => {
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      },
    },
  );
  expect(results.map((r) => r.status)).toEqual(["failed", "failed"]);
  expect(results[0].issues.at(-1)).toMatchObject({
    code: "not-written",
    problem: "could not be written: the disk is full",
  });
  expect(previousOutput(await snapshot(out))).toEqual(previousOutput(before, SLUGS));
  expect(await staleIn(out)).toEqual(SLUGS);
  expect((await stat(out)).isDirectory()).toBe(true);
}
