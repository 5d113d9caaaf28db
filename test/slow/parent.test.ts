// Long-running commands stop with their parent (src/parent.ts, bin/milepost.js): `npx milepost dev`
// and `npx milepost build` started from a parent process that is then killed, as a terminal, an
// editor or a CI step would be; nothing of theirs may be left: no process, no server, no folder.
import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir } from "node:fs/promises";
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { parentOf } from "../../src/parent.ts";
import { FIXTURES } from "../support/portfolio.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/** Every process under `pid`, as /proc has them now: pid and command line. */
function descendants(pid: number): { pid: number; cmd: string }[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    const parent = parentOf(Number(name));
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
  }
  const found: { pid: number; cmd: string }[] = [];
  const walk = (p: number) => {
    for (const child of children.get(p) ?? []) {
      try {
        found.push({ pid: child, cmd: readFileSync(`/proc/${child}/cmdline`, "utf8").replaceAll("\0", " ") });
      } catch {
        continue; // gone meanwhile
      }
      walk(child);
    }
  };
  walk(pid);
  return found;
}

/** Whether `pid` runs (a zombie waiting for its parent to read its exit does not). */
function running(pid: number): boolean {
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** Waits until none of `pids` runs any more (the test's timeout bounds it). */
async function gone(pids: number[]): Promise<void> {
  while (pids.some((p) => running(p))) await new Promise((r) => setTimeout(r, 100));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** A scratch folder: the fixture customer acme, a TMPDIR and a MILEPOST_WORK of its own, so what is left shows. */
async function scratch() {
  const root = await mkdtemp(join(tmpdir(), "milepost-parent-"));
  await cp(join(FIXTURES, "data", "acme"), join(root, "data", "acme"), { recursive: true });
  for (const dir of ["tmp", "work"]) await mkdir(join(root, dir));
  return root;
}

/** What is in the scratch TMPDIR but Node's own compile cache (which every Node run keeps there). */
async function leftIn(root: string): Promise<string[]> {
  return (await readdir(join(root, "tmp"))).filter((n) => n !== "node-compile-cache");
}

/** Kills what is left of a process group the test started (none when the test passed). */
function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // gone already
  }
}

/** `npx milepost <args>` in the package, in its own process group (the test's cleanup), stdin as given. */
function npx(root: string, args: string[], stdin: "ignore" | "pipe"): ChildProcess {
  return spawn("npx", ["milepost", ...args, "--data", join(root, "data"), "--content", join(root, "content")], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: join(root, "tmp"), MILEPOST_WORK: join(root, "work") },
    stdio: [stdin, "pipe", "pipe"],
    detached: true,
  });
}

/** Starts `npx milepost dev acme` and waits for its address; returns it with the processes under npx. */
async function startDev(root: string, stdin: "ignore" | "pipe") {
  const port = await freePort();
  const child = npx(root, ["dev", "acme", "--port", String(port), "--period", "2026-Q3"], stdin);
  let out = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d;
      if (out.includes(`at http://127.0.0.1:${port}/`)) resolve();
    });
    child.on("exit", (code) => reject(new Error(`npx milepost dev exited (${code}) before serving: ${out}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  expect((await fetch(`${origin}/`)).status).toBe(200);
  const under = descendants(child.pid!);
  expect(under.some((p) => p.cmd.includes("milepost dev acme"))).toBe(true);
  expect(await leftIn(root)).toEqual([expect.stringMatching(/^milepost-dev-/)]);
  return { child, origin, pids: under.map((p) => p.pid) };
}

for (const signal of ["SIGTERM", "SIGHUP", "SIGKILL"] as const) {
  it(`milepost dev stops when the npx that started it gets ${signal}: no process, no server, no folder left`, async () => {
    const root = await scratch();
    const { child, origin, pids } = await startDev(root, "ignore");
    try {
      process.kill(child.pid!, signal);
      await gone([child.pid!, ...pids]);
      await expect(fetch(`${origin}/`)).rejects.toThrow();
      expect(await leftIn(root)).toEqual([]);
      expect(await readdir(join(root, "work"))).toEqual([]);
    } finally {
      killGroup(child);
    }
  });
}

it("milepost dev stops when its standard input, a pipe its parent held, closes", async () => {
  const root = await scratch();
  const { child, origin, pids } = await startDev(root, "pipe");
  try {
    child.stdin!.end();
    await gone(pids.filter((p) => p !== child.pid));
    await expect(fetch(`${origin}/`)).rejects.toThrow();
    expect(await leftIn(root)).toEqual([]);
  } finally {
    killGroup(child);
  }
});

it("milepost build stops when the npx that started it is killed while Chromium prints: no Chromium, no working folder left", async () => {
  const root = await scratch();
  const out = join(root, "out");
  const child = npx(root, ["build", "acme", "--period", "2026-Q3", "--out", out], "ignore");
  let ended = false;
  child.on("exit", () => (ended = true));
  try {
    let under: { pid: number; cmd: string }[] = [];
    // Until a Chromium runs under the build (or the build ended first, which fails below).
    while (!ended && !(under = descendants(child.pid!)).some((p) => /chrom/i.test(p.cmd)))
      await new Promise((r) => setTimeout(r, 50));
    expect(ended).toBe(false);
    expect(await readdir(join(root, "work"))).toHaveLength(1);
    process.kill(child.pid!, "SIGKILL"); // npx gets no chance to pass anything on
    await gone(under.map((p) => p.pid));
    expect(await readdir(join(root, "work"))).toEqual([]);
    expect(await leftIn(root)).toEqual([]);
  } finally {
    killGroup(child);
  }
});
