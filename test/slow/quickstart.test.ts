// The README's quick start, as a new user runs it: its two commands, word for word from the README,
// in a fresh clone of this repository (the committed HEAD) — a real `npm install` from the registry,
// `npm run setup` (scripts/setup.sh), the sample portfolio built, then `npm run setup:tests && npm
// test`. The second runs `npm run check` and, limited by MILEPOST_TESTS (vitest.config.ts) to
// test/unit/setup.test.ts, one small test file: the whole suite, this file included, is not run again.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

/** The commands of the README's "Quick start" block, one per line. */
function quickStart(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Quick start"));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1];
  return block.trim().split("\n");
}

const sh = (command: string, cwd: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync("sh", ["-c", command], { cwd, encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 256 << 20 });

it("runs the README's quick start in a fresh clone: a quiet install, setup, the sample portfolio, then the tests", () => {
  const commands = quickStart();
  expect(commands).toEqual(["npm install && npm run setup && npm run demo", "npm run setup:tests && npm test"]);
  const clone = join(mkdtempSync(join(tmpdir(), "milepost-quickstart-")), "milepost");
  expect(spawnSync("git", ["clone", "--quiet", ROOT, clone]).status).toBe(0);

  const first = sh(commands[0], clone);
  expect(first.status, first.stdout + first.stderr).toBe(0);
  // npm says nothing but what it added: no EBADENGINE, no install-scripts warning.
  expect(first.stderr).not.toMatch(/npm (warn|WARN)/);
  const manifest = JSON.parse(readFileSync(join(clone, "dist", "manifest.json"), "utf8"));
  expect(manifest.customers.map((c: { slug: string; status: string }) => [c.slug, c.status])).toEqual(
    readdirSync(join(clone, "data"))
      .sort()
      .map((slug) => [slug, "built"]),
  );
  for (const c of manifest.customers) expect(c.pdfs.length, c.slug).toBeGreaterThan(0);

  const second = sh(commands[1], clone, { MILEPOST_TESTS: "test/unit/setup.test.ts" });
  expect(second.status, second.stdout + second.stderr).toBe(0);
  expect(second.stdout).toContain("test/unit/setup.test.ts");
}, 1_200_000);
