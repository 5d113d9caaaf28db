// What publish refuses before it writes anything: shares.csv and the email drafts inside the folder
// it serves, drafts without a web address; and shares.csv closed to other users once passcodes go in.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { checkPlaces, type Places } from "../../src/share/places.ts";
import { writeShares } from "../../src/share/shares.ts";

const scratch = () => mkdtemp(join(tmpdir(), "milepost-places-"));
const refusal = (p: Places) =>
  checkPlaces(p).then(
    () => null,
    (err: Error & { hint: string }) => `${err.message} — ${err.hint}`,
  );

describe("checkPlaces(places)", () => {
  it("refuses the default shares.csv when --to is the current folder", async () => {
    const cwd = await scratch();
    expect(await refusal({ to: ".", shares: "shares.csv", protect: true, cwd })).toBe(
      "shares.csv is inside --to .: every link and passcode would be served at /shares.csv — publish to a folder of its own (e.g. --to public), or keep the list elsewhere with --shares ../shares.csv",
    );
  });

  it("refuses --shares inside --to, also through a symbolic link to the folder", async () => {
    const cwd = await scratch();
    await mkdir(join(cwd, "srv", "packs"), { recursive: true });
    await symlink(join(cwd, "srv", "packs"), join(cwd, "public"));
    expect(await refusal({ to: "srv/packs", shares: "public/keep/links.csv", protect: false, cwd })).toBe(
      "public/keep/links.csv is inside --to srv/packs: every link and passcode would be served at /keep/links.csv — keep the list outside the published folder, e.g. --shares ../shares.csv",
    );
  });

  it("refuses --drafts inside --to", async () => {
    const cwd = await scratch();
    expect(
      await refusal({
        to: "public",
        shares: "shares.csv",
        drafts: "public/drafts",
        baseUrl: "https://packs.example.com/q3/",
        protect: false,
        cwd,
      }),
    ).toBe(
      "--drafts public/drafts is inside --to public: the email drafts, their PDFs attached, would be served at /drafts — write the drafts outside the published folder, e.g. --drafts drafts with --to public",
    );
  });

  it("refuses --drafts without --base-url", async () => {
    const cwd = await scratch();
    expect(await refusal({ to: "public", shares: "shares.csv", drafts: "drafts", protect: false, cwd })).toBe(
      "--drafts needs --base-url — without it each draft's link would be a folder of this machine: add the address the target is served at, e.g. --base-url https://packs.example.com/q3/",
    );
  });

  it("accepts folders side by side, and any local file with an S3 target", async () => {
    const cwd = await scratch();
    const base = { shares: "shares.csv", drafts: "drafts", baseUrl: "https://packs.example.com/q3/", cwd };
    expect(await checkPlaces({ ...base, to: "public", protect: true })).toBeUndefined();
    expect(await checkPlaces({ ...base, to: "publicity", protect: true, shares: "public/shares.csv" })).toBeUndefined();
    expect(await checkPlaces({ ...base, to: "s3://packs/q3", protect: true })).toBeUndefined();
  });

  it("refuses a protected share behind an http:// address (not on this machine)", async () => {
    const cwd = await scratch();
    const base = { to: "public", shares: "shares.csv", cwd, protect: true };
    await expect(checkPlaces({ ...base, baseUrl: "http://packs.example.com/q3/" })).rejects.toMatchObject({
      message:
        "--protect with the address http://packs.example.com/q3/: browsers unlock a protected share only over https, so the customer could not open it",
      hint: "serve the target over https and write --base-url https://… (http://localhost and http://127.0.0.1 are accepted, for trying a share on this machine)",
    });
    expect(await checkPlaces({ ...base, baseUrl: "http://127.0.0.1:8080/q3/" })).toBeUndefined();
    expect(await checkPlaces({ ...base, protect: false, baseUrl: "http://packs.example.com/q3/" })).toBeUndefined();
  });
});

describe("writeShares(file, rows)", () => {
  it("makes an existing 0644 shares.csv 0600 before the passcodes go in", async () => {
    const file = join(await scratch(), "shares.csv");
    await writeFile(file, "customer,slug\n", { mode: 0o644 });
    const row = { customer: "Acme", slug: "acme", link: "https://packs.example.com/q3/t/", expires: "" };
    await writeShares(file, [
      { ...row, passcode: "k7m2-qx9p-3hvd-8tze", token: "t", published: "2026-12-01", digest: "" },
    ]);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const fresh = join(await scratch(), "links", "new.csv"); // its folder made
    await writeShares(fresh, []);
    expect((await stat(fresh)).mode & 0o777).toBe(0o600);
  });
});

/** Runs `milepost <args>` in `cwd` as the CLI would; returns its exit code and what it wrote to stderr. */
async function runIn(cwd: string, args: string[]): Promise<{ code: number; stderr: string }> {
  const errors: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((s: string) => (errors.push(s), true)) as typeof process.stderr.write;
  const before = process.cwd();
  try {
    process.chdir(cwd);
    return { code: await main(args, "2026-12-01"), stderr: errors.join("") };
  } finally {
    process.chdir(before);
    process.stderr.write = write;
  }
}

describe("milepost publish --to . (command line)", () => {
  it("refuses before it reads or writes anything: exit 2, the folder left empty", async () => {
    const cwd = await scratch();
    // The build and the data live elsewhere, as when a CSM publishes from the web root.
    const project = await scratch();
    const from = ["--from", join(project, "dist"), "--data", join(project, "data")];
    const { code, stderr } = await runIn(cwd, ["publish", "--all", "--to", ".", "--protect", ...from]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "milepost: shares.csv is inside --to .: every link and passcode would be served at /shares.csv\n  publish to a folder of its own (e.g. --to public), or keep the list elsewhere with --shares ../shares.csv\n",
    );
    expect(await readdir(cwd)).toEqual([]);
  });

  it("refuses --protect with an http:// address before it writes anything", async () => {
    const cwd = await scratch();
    const args = ["publish", "--all", "--to", "public", "--protect", "--base-url", "http://packs.example.com/q3/"];
    const { code, stderr } = await runIn(cwd, args);
    expect(code).toBe(2);
    expect(stderr).toContain(
      "--protect with the address http://packs.example.com/q3/: browsers unlock a protected share only over https",
    );
    expect(existsSync(join(cwd, "public"))).toBe(false);
  });
});
