// Test hooks for the fault-injection suite (test/e2e/faults.test.ts): a build reaching the point named
// by MILEPOST_KILL_AT kills itself with SIGKILL, as a power cut or `kill -9` would; at the point
// named by MILEPOST_KILL_BROWSER_AT it kills its Chromium. Unset, they do nothing.

/** Marks a point of the build, e.g. "rendered" or "publish:between-renames". */
export function checkpoint(name: string, browser?: { kill: (signal: NodeJS.Signals) => unknown } | null): void {
  // MILEPOST_KILL_SIGNAL: SIGINT or SIGTERM instead, as Ctrl-C or a stopped job would.
  if (process.env.MILEPOST_KILL_AT === name)
    process.kill(process.pid, (process.env.MILEPOST_KILL_SIGNAL as NodeJS.Signals | undefined) ?? "SIGKILL");
  if (browser && process.env.MILEPOST_KILL_BROWSER_AT === name) browser.kill("SIGKILL");
}
