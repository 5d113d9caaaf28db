// What a build says while it runs: the live lines of a terminal, plain lines for CI, JSON events.
import { describe, expect, it } from "vitest";
import { createProgress, duration, progressMode } from "../../src/progress.ts";

/** A reporter writing into a string, on a clock the test moves. */
function recorded(mode: "tty" | "plain" | "json") {
  let text = "";
  let now = 0;
  const progress = createProgress(mode, { write: (s: string) => (text += s) }, () => now);
  return { progress, text: () => text, at: (ms: number) => void (now = ms) };
}

describe("createProgress", () => {
  it("in CI writes a plain line at each tenth of a stage, with rate and time left, and the stage's time when done", () => {
    const { progress, text, at } = recorded("plain");
    progress.add("print", 20);
    for (let i = 1; i <= 20; i++) {
      at(i * 500);
      progress.done("print");
    }
    const lines = text().trimEnd().split("\n");
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe("Printing PDFs  2/20 PDFs  2.0/s  about 9 s left");
    expect(lines[4]).toBe("Printing PDFs  10/20 PDFs  2.0/s  about 5 s left");
    expect(lines[9]).toBe("Printing PDFs  20/20 PDFs in 10 s");
  });

  it("estimates a later stage's total from the customers read so far", () => {
    const { progress, text, at } = recorded("plain");
    progress.add("prepare", 100);
    progress.done("prepare", 50);
    progress.add("render", 40); // 10 of the first 50 failed or were reused
    at(4000);
    progress.done("render", 40);
    expect(text().trimEnd().split("\n").at(-1)).toBe("Rendering sites  40/~80 customers  10/s  about 4 s left");
  });

  it("on a terminal keeps one live line per stage, redrawn in place", () => {
    const { progress, text, at } = recorded("tty");
    progress.add("prepare", 2);
    at(1000);
    progress.done("prepare", 2);
    progress.add("render", 2);
    at(3000);
    progress.done("render", 1);
    progress.close();
    const frames = text().split(new RegExp(`${String.fromCharCode(27)}\\[\\d+A`));
    expect(frames.at(-1)).toBe(
      "\x1b[2KReading data  2/2 customers in 1 s\n\x1b[2KRendering sites  1/2 customers  0.5/s  about 2 s left\n",
    );
  });

  it("with --json writes one event per line: progress, and each customer's result", () => {
    const { progress, text, at } = recorded("json");
    progress.add("publish", 2);
    at(2000);
    progress.done("publish");
    progress.customer({ slug: "acme", status: "built", reused: true, errors: 0, warnings: 1 });
    expect(
      text()
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { event: "progress", stage: "publish", done: 1, total: 2, estimated: false, rate: 0.5, eta: 2 },
      { event: "customer", slug: "acme", status: "built", reused: true, errors: 0, warnings: 1 },
    ]);
  });
});

describe("progressMode(stream, env, json)", () => {
  it("is live on a terminal, plain in CI or a pipe, JSON with --json", () => {
    expect(progressMode({ isTTY: true }, {}, false)).toBe("tty");
    expect(progressMode({ isTTY: true }, { CI: "true" }, false)).toBe("plain");
    expect(progressMode({ isTTY: true }, { TERM: "dumb" }, false)).toBe("plain");
    expect(progressMode({ isTTY: false }, {}, false)).toBe("plain");
    expect(progressMode({ isTTY: true }, {}, true)).toBe("json");
  });
});

describe("duration(seconds)", () => {
  it("reads as a person says it", () => {
    expect([duration(7.4), duration(125), duration(3720)]).toEqual(["7 s", "2 min 05 s", "1 h 02 min"]);
  });
});
