// The files around milepost keep the secrets of a run out of git, the image and CI artifacts:
// shares.csv (links and passcodes), drafts/ (PDFs attached), dist/ (every report.json), public/.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const read = (path: string) => readFile(join(ROOT, path), "utf8");
const SECRETS = ["shares.csv", "dist/acme/report.json", "drafts/acme.eml", "public/Q2xk/index.html", "q3/shares.csv"];

describe("the repository's ignore files and deploy examples", () => {
  it("git ignores shares.csv, drafts/, dist/ and public/ (git check-ignore)", async () => {
    const { stdout } = await promisify(execFile)("git", ["check-ignore", "--no-index", ...SECRETS], { cwd: ROOT });
    expect(stdout.trim().split("\n")).toEqual(SECRETS);
  });

  it("the Dockerfile copies milepost's own folders by name, and .dockerignore leaves the rest out", async () => {
    const copies = [...(await read("deploy/Dockerfile")).matchAll(/^COPY\s+(.+)\s+\S+$/gm)].flatMap((m) =>
      m[1].split(/\s+/),
    );
    expect(copies.length).toBeGreaterThan(3);
    for (const source of copies)
      expect(source, source).toMatch(/^(bin|src|templates|schemas|scripts)\/$|^[\w.-]+\.(json|mjs|cjs)$/);
    const ignored = (await read(".dockerignore")).split("\n").filter((l) => l && !l.startsWith("#"));
    for (const name of ["dist", "shares.csv", "**/shares.csv", "drafts", "public", ".milepost", "node_modules"])
      expect(ignored, name).toContain(name);
  });

  it("the GitHub Actions example uploads and caches no shares.csv, and no dist/ artifact", async () => {
    const workflow = await read("deploy/github-actions/milepost.yml");
    const steps = workflow
      .split(/\n\s+- (?=uses:|run:|name:)/)
      .filter((s) => /actions\/(upload-artifact|cache)@/.test(s));
    expect(steps).toHaveLength(2);
    for (const step of steps) {
      expect(step).toMatch(/!out\/shares\.csv/);
      expect(step).not.toMatch(/path: dist\b/);
    }
    expect(workflow).not.toMatch(/retention-days: (?!1\b)/);
  });
});
