// Long-running commands stop with the process that started them. A parent that dies sends its
// child no signal: the child is re-parented and runs on. `npx milepost …` runs milepost under a
// `sh -c` of npm's, so the process that died may be the parent's parent: both are watched.
import { readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** The parent of process `pid` as /proc tells it (Linux); null where there is no /proc or no such process. */
export function parentOf(pid: number): number | null {
  try {
    // e.g. "4127 (sh) S 4120 …": the state, then the parent, after the name in parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/**
 * Calls `stop` once when this process's parent, or its parent's parent, is gone (checked every
 * `everyMs`; the timer keeps no process alive). Returns the function that stops watching.
 */
export function watchParent(stop: () => void, everyMs = 250): () => void {
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  const timer = setInterval(() => {
    if (process.ppid === parent && (grandparent === null || parentOf(parent) === grandparent)) return;
    clearInterval(timer);
    stop();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Every process below this one as /proc lists them now (children, their children, …); none where there is no /proc. */
function descendants(): number[] {
  let pids: number[];
  try {
    pids = readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return [];
  }
  const below = new Set([process.pid]);
  // /proc lists parents before most of their children, not all: repeat until nothing is added.
  for (let added = true; added;) {
    added = false;
    for (const pid of pids)
      if (!below.has(pid) && below.has(parentOf(pid) ?? -1)) {
        below.add(pid);
        added = true;
      }
  }
  below.delete(process.pid);
  return [...below];
}

/** Whether `pid` still runs (a zombie waiting to be reaped does not). */
function runs(pid: number): boolean {
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/**
 * Kills (SIGKILL) every process below this one, e.g. its Chromium with the network service and GPU
 * processes Chromium started, with their process groups, and waits (up to `waitMs`) until none runs:
 * a process still shutting down would write its profile into the working folder after it is removed.
 * Synchronous, for a signal handler that exits next; does nothing where there is no /proc.
 */
export function killChildren(waitMs = 3000): void {
  const pids = descendants();
  for (const pid of pids)
    for (const target of [-pid, pid])
      // Puppeteer starts Chromium as a process group's leader
      try {
        process.kill(target, "SIGKILL");
      } catch {
        // no such group, or gone already
      }
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const until = Date.now() + waitMs; pids.some(runs) && Date.now() < until;) Atomics.wait(pause, 0, 0, 20);
}

/**
 * Removes a stopped build's working folder `work`, and the folders its Chromium profiles
 * (`work/chrome-<n>`) link to in TMPDIR (org.chromium.Chromium.*, holding the SingletonSocket):
 * a Chromium that goes with milepost has no time to remove them itself.
 */
export function removeWork(work: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(work).filter((n) => n.startsWith("chrome-"));
  } catch {
    // no working folder yet
  }
  for (const profile of names) {
    try {
      const singleton = dirname(readlinkSync(join(work, profile, "SingletonSocket")));
      if (basename(singleton).startsWith("org.chromium.")) rmSync(singleton, { recursive: true, force: true });
    } catch {
      // Chromium had not started, or linked nothing
    }
  }
  rmSync(work, { recursive: true, force: true, maxRetries: 3 });
}
