// Incremental builds and every period kept, on real builds of one small customer (Astro, Chromium):
// an unchanged customer is neither rendered nor printed again and its folder stays byte for byte;
// a changed input or --force builds it again; building the next quarter keeps the last one's PDFs.
import { appendFile, cp, mkdtemp, readdir, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { KEY_FILE } from "../../src/incremental.ts";
import { milepost, type Run } from "../support/cli.ts";
import { FIXTURES } from "../support/portfolio.ts";

let cwd: string;
const build = (extra: string[], env: NodeJS.ProcessEnv = {}) =>
  milepost(["build", "bare", "--pack", "qbr", ...extra], cwd, env);
const ok = (run: Run) => expect(run.code, run.stdout + run.stderr).toBe(0);

/** Every file under dist/bare with its bytes, inode and modification time. */
async function files(): Promise<Map<string, { bytes: Buffer; ino: number; mtime: number }>> {
  const dir = join(cwd, "dist", "bare");
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const names = entries.map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
  return new Map(
    await Promise.all(
      names.map(async (n) => {
        const s = await stat(join(dir, n));
        return [n, { bytes: await readFile(join(dir, n)), ino: s.ino, mtime: s.mtimeMs }] as const;
      }),
    ),
  );
}
/** The bytes of the customer's output files (its key aside, which names its inputs). */
const bytes = (m: Awaited<ReturnType<typeof files>>) =>
  new Map([...m].filter(([n]) => n !== KEY_FILE).map(([n, f]) => [n, f.bytes]));
const manifest = async () => JSON.parse(await readFile(join(cwd, "dist", "manifest.json"), "utf8"));

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), "milepost-incremental-"));
  await cp(join(FIXTURES, "data", "bare"), join(cwd, "data", "bare"), { recursive: true });
});

describe("building period after period", { timeout: 600_000 }, () => {
  it("keeps 2026-Q2's PDF when 2026-Q3 is built, links it from the site and lists it in the manifest", async () => {
    ok(await build(["--period", "2026-Q2"]));
    ok(await build(["--period", "2026-Q3"]));
    const names = await readdir(join(cwd, "dist", "bare"));
    expect(names).toContain("bare-qbr-2026-Q2.pdf");
    expect(names).toContain("bare-qbr-2026-Q3.pdf");
    const index = await readFile(join(cwd, "dist", "bare", "index.html"), "utf8");
    expect(index).toContain('<a href="bare-qbr-2026-Q2.pdf">2026-Q2 · Quarterly Business Review</a>');
    expect(index).not.toContain('href="bare-qbr-2026-Q3.pdf">2026-Q3');
    expect((await manifest()).customers[0]).toMatchObject({
      status: "built",
      asOf: "2026-09-30",
      pdfs: ["bare/bare-qbr-2026-Q3.pdf"],
      earlier: [{ period: "2026-Q2", pdfs: ["bare/bare-qbr-2026-Q2.pdf"] }],
    });
  });

  it("reuses an unchanged customer as it is: not rendered or printed, every file untouched, and says so", async () => {
    const before = await files();
    const manifestBefore = await readFile(join(cwd, "dist", "manifest.json"), "utf8");
    // A build that rendered anything would be killed at that point.
    const again = await build(["--period", "2026-Q3"], { MILEPOST_KILL_AT: "rendered" });
    ok(again);
    expect(again.stdout).toContain("✓ bare — qbr (unchanged, kept)");
    expect(again.stdout).toMatch(/\nBuilt 1 of 1 customer \(1 unchanged, reused\) in /);
    expect(await files()).toEqual(before);
    expect(await readFile(join(cwd, "dist", "manifest.json"), "utf8")).toBe(manifestBefore);
  });

  it("builds it again when its data changes, and with --force; the same inputs give the same bytes", async () => {
    const q3 = bytes(await files());
    await appendFile(join(cwd, "data", "bare", "customer.json"), "\n");
    const changed = await build(["--period", "2026-Q3"], { MILEPOST_KILL_AT: "rendered" });
    expect(changed.signal, changed.stdout + changed.stderr).toBe("SIGKILL");
    ok(await build(["--period", "2026-Q3"]));
    const rebuilt = await files();
    expect(bytes(rebuilt)).toEqual(q3); // a blank line changes no figure
    const forced = await build(["--period", "2026-Q3", "--force"]);
    ok(forced);
    expect(forced.stdout).not.toContain("unchanged");
    const after = await files();
    expect(bytes(after)).toEqual(q3);
    expect(after.get("index.html")!.ino).not.toBe(rebuilt.get("index.html")!.ino);
  });
});
