// A full disk and a read-only mount, for real (a small tmpfs, mounted by the test as root): build
// and publish name them and what to do instead — never "Unexpected error" — and change nothing.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { milepost } from "../support/cli.ts";
import { shareScratch } from "../support/share.ts";

const out = inject("portfolio");
let dir: string;
let data: string;
let readOnly: string;
let full: string;
let mounted = false;

/** Mounts a tmpfs at `at` (read-only with "ro"); false where this machine does not let us. */
function mountTmpfs(at: string, options: string): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", at], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  ({ dir, data } = await shareScratch());
  readOnly = join(dir, "ro");
  full = join(dir, "full");
  await mkdir(readOnly);
  await mkdir(full);
  mounted = mountTmpfs(readOnly, "ro,size=64k") && mountTmpfs(full, "size=64k");
  if (!mounted) console.warn("full and read-only disks not tested: no permission to mount a tmpfs");
});

afterAll(async () => {
  for (const at of [readOnly, full]) {
    try {
      execFileSync("umount", [at], { stdio: "ignore" });
    } catch {
      // not mounted
    }
  }
  await rm(dir, { recursive: true, force: true });
});

const publish = (...args: string[]) => milepost(["publish", "--all", "--from", out, "--data", data, ...args], dir);

describe("a new folder on a read-only mount", () => {
  it("build says the disk is read-only and what to do, exit 1, nothing made", async (ctx) => {
    if (!mounted) return ctx.skip();
    const target = join(readOnly, "packs", "dist");
    const run = await milepost(
      ["build", "acme", "--period", "2026-Q3", "--no-pdf", "--data", data, "--out", target],
      dir,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `No permission to write\nmilepost may not write the output folder ${target} (${join(readOnly, "packs")}): the disk is mounted read-only. Nothing there was changed.\n  Make the folder writable for you, or build into another folder with --out.\n`,
    );
    expect(await readdir(readOnly)).toEqual([]);
  });

  it("publish says so for the target folder before it uploads anything, exit 1", async (ctx) => {
    if (!mounted) return ctx.skip();
    const target = join(readOnly, "public");
    const run = await publish("--to", target);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `No permission to write\nmilepost may not write the target folder ${target} (${readOnly}): the disk is mounted read-only. Nothing there was changed.\n  Make the folder writable for you, or choose another folder with --to.\n`,
    );
    expect(existsSync(join(dir, "shares.csv"))).toBe(false);
  });

  it("publish says so for shares.csv before it uploads anything: no passcode is shown that could not be kept", async (ctx) => {
    if (!mounted) return ctx.skip();
    const shares = join(readOnly, "shares.csv");
    const run = await publish("--to", join(dir, "public"), "--protect", "--shares", shares);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `No permission to write\nmilepost may not write the list of links and passcodes ${shares} (${readOnly}): the disk is mounted read-only. Nothing there was changed.\n  Make the folder writable for you, or choose another folder with --shares.\n`,
    );
    expect(existsSync(join(dir, "public"))).toBe(false);
  });
});

describe("a read-only data folder", () => {
  it("share rotate names the file and the read-only disk, not an unexpected error", async (ctx) => {
    if (!mounted) return ctx.skip();
    const frozen = join(dir, "frozen");
    await mkdir(frozen);
    if (!mountTmpfs(frozen, "size=1m")) return ctx.skip();
    try {
      await cp(join(data, "acme"), join(frozen, "acme"), { recursive: true });
      execFileSync("mount", ["-o", "remount,ro", frozen]);
      const run = await milepost(["share", "rotate", "acme", "--data", frozen], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `No permission to write\nmilepost may not write a file (${join(frozen, "acme", "customer.json")}): the disk is mounted read-only. Nothing there was changed.\n  Make the folder writable for you, or run it on a folder you may write.\n`,
      );
    } finally {
      execFileSync("umount", [frozen]);
    }
  });
});

describe("a full disk", () => {
  it("publish says the disk is full and what to do, exit 1", async (ctx) => {
    if (!mounted) return ctx.skip();
    const target = join(full, "public");
    const run = await publish("--to", target);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^The disk is full\\nmilepost ran out of space writing the target folder ${target}( \\(${target}/[^)]+\\))?\\. What was written so far stays; publish again once there is room\\.\\n  Free some space on that disk, or write to another disk with --to\\.\\n$`,
      ),
    );
    expect(run.stderr).not.toContain("Unexpected error");
  });

  it("build names it for each customer that did not fit, previous output kept, exit 1", async (ctx) => {
    if (!mounted) return ctx.skip();
    await rm(join(full, "public"), { recursive: true, force: true });
    const target = join(full, "dist");
    const run = await milepost(
      ["build", "acme", "--period", "2026-Q3", "--no-pdf", "--data", data, "--out", target],
      dir,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      `✗ acme — 1 error, previous output kept, 1 warning\n    error  ${join(target, "acme")} could not be written: the disk is full — Free some space on that disk, or build into a folder on another disk with --out.\n`,
    );
    expect(run.stderr).not.toContain("Unexpected error");
  });
});
