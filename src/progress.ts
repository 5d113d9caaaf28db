// What a build says while it runs, on stderr: on a terminal one live line per stage (done/total,
// rate, time left); in CI or any other pipe plain lines at every tenth of a stage; with --json one
// JSON event per line. The per-customer results are printed at the end by the CLI.

/** The stages a build reports, in the order they start. */
export const STAGES = {
  prepare: { label: "Reading data", unit: "customer" },
  render: { label: "Rendering sites", unit: "customer" },
  print: { label: "Printing PDFs", unit: "PDF" },
  publish: { label: "Writing folders", unit: "customer" },
} as const;
export type Stage = keyof typeof STAGES;

/** How one customer ended, as an event. */
export interface CustomerEvent {
  slug: string;
  status: "built" | "failed";
  reused: boolean;
  errors: number;
  warnings: number;
}

export interface Progress {
  /** `n` more items of work in `stage` (a stage starts at its first). */
  add(stage: Stage, n: number): void;
  /** `n` items of `stage` finished. */
  done(stage: Stage, n?: number): void;
  customer(event: CustomerEvent): void;
  /** Draws the final state of every stage. */
  close(): void;
}

export type ProgressMode = "tty" | "plain" | "json" | "silent";

/** tty when the stream is a terminal and CI is unset, plain otherwise; json with --json. */
export function progressMode(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, json: boolean): ProgressMode {
  if (json) return "json";
  return stream.isTTY && !env.CI && env.TERM !== "dumb" ? "tty" : "plain";
}

interface Count {
  stage: Stage;
  total: number;
  done: number;
  started: number;
  /** When it last reached its total. */
  ended?: number;
  /** The last tenth a plain line was written for. */
  reported: number;
}

/** A stage's figures at `now`: its total (estimated while customers are still being read), rate per second and seconds left. */
export function figures(
  count: Count,
  prepare: Count | undefined,
  now: number,
): { total: number; estimated: boolean; rate: number | null; eta: number | null } {
  let total = count.total;
  let estimated = false;
  // Later stages only learn their work batch by batch: scale what is known to the customers not read yet.
  if (count.stage !== "prepare" && prepare && prepare.done > 0 && prepare.done < prepare.total) {
    total = Math.round((count.total * prepare.total) / prepare.done);
    estimated = true;
  }
  const seconds = (now - count.started) / 1000;
  const rate = count.done > 0 && seconds > 0 ? count.done / seconds : null;
  const eta = rate ? Math.max(0, (total - count.done) / rate) : null;
  return { total, estimated, rate, eta };
}

/** One stage as a line: "Printing PDFs  40/~78 PDFs  1.9/s  about 20 s left", or "… 78/78 PDFs in 41 s" once finished. */
export function stageLine(count: Count, prepare: Count | undefined, now: number, finished = false): string {
  const { label, unit } = STAGES[count.stage];
  const f = figures(count, prepare, now);
  const units = `${unit}${f.total === 1 ? "" : "s"}`;
  const head = `${label}  ${count.done}/${f.estimated ? "~" : ""}${f.total} ${units}`;
  if (finished) return `${head} in ${duration(((count.ended ?? now) - count.started) / 1000)}`;
  if (f.rate === null) return head;
  return `${head}  ${f.rate >= 10 ? Math.round(f.rate) : f.rate.toFixed(1)}/s${f.eta !== null ? `  about ${duration(f.eta)} left` : ""}`;
}

/** 7 s, 2 min 05 s, 1 h 02 min */
export function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} min`;
}

/** A progress reporter writing to `out` (stderr). `now` is a clock in milliseconds. */
export function createProgress(
  mode: ProgressMode,
  out: { write: (text: string) => unknown },
  now: () => number = () => performance.now(),
): Progress {
  const counts = new Map<Stage, Count>();
  const finished = (c: Count) => c.done >= c.total && !(c.stage !== "prepare" && preparing());
  const preparing = () => {
    const p = counts.get("prepare");
    return p !== undefined && p.done < p.total;
  };
  let drawn = 0;
  let lastDraw = 0;

  const draw = (force: boolean) => {
    const t = now();
    if (!force && t - lastDraw < 100) return;
    lastDraw = t;
    const lines = [...counts.values()].map((c) => stageLine(c, counts.get("prepare"), t, finished(c)));
    out.write(`${drawn ? `\x1b[${drawn}A` : ""}${lines.map((l) => `\x1b[2K${l}\n`).join("")}`);
    drawn = lines.length;
  };

  const report = (c: Count, force: boolean) => {
    const t = now();
    if (mode === "json") {
      const f = figures(c, counts.get("prepare"), t);
      const event = {
        event: "progress",
        stage: c.stage,
        done: c.done,
        total: f.total,
        estimated: f.estimated,
        rate: f.rate === null ? null : Math.round(f.rate * 100) / 100,
        eta: f.eta === null ? null : Math.round(f.eta),
      };
      out.write(`${JSON.stringify(event)}\n`);
    } else if (mode === "plain") {
      const f = figures(c, counts.get("prepare"), t);
      const tenth = f.total > 0 ? Math.floor((10 * c.done) / f.total) : 10;
      if (!force && tenth <= c.reported) return;
      c.reported = tenth;
      out.write(`${stageLine(c, counts.get("prepare"), t, finished(c))}\n`);
    } else if (mode === "tty") {
      draw(force);
    }
  };

  return {
    add(stage, n) {
      let c = counts.get(stage);
      if (!c) {
        c = { stage, total: 0, done: 0, started: now(), reported: 0 };
        counts.set(stage, c);
      }
      c.total += n;
      c.ended = undefined;
      if (mode === "tty") draw(false);
    },
    done(stage, n = 1) {
      const c = counts.get(stage);
      if (!c || n === 0) return;
      c.done += n;
      if (c.done >= c.total) c.ended = now();
      report(c, finished(c));
    },
    customer(event) {
      if (mode === "json") out.write(`${JSON.stringify({ event: "customer", ...event })}\n`);
    },
    close() {
      if (mode === "tty" && counts.size) draw(true);
    },
  };
}
