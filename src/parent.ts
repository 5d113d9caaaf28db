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

/**
 * Kills (SIGKILL) this process's children as /proc lists them, e.g. its Chromium, so that none writes
 * into the working folder after it is removed; does nothing where there is no /proc.
 */
export function killChildren(): void {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return;
  }
  for (const pid of pids)
    if (parentOf(Number(pid)) === process.pid)
      try {
        process.kill(Number(pid), "SIGKILL");
      } catch {
        // gone already
      }
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
