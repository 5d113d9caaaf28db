// milepost publish without --base-url: the summary says its links are local paths and how to set the
// base URL; milepost.config.json's baseUrl counts as one, for the links and the email drafts alike.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { main } from "../../src/cli.ts";
import { listFiles, shareScratch } from "../support/share.ts";

const out = inject("portfolio");
const TODAY = "2026-12-01";
let dir: string;
let data: string;
let tokens: Record<string, string>;

beforeAll(async () => {
  ({ dir, data, tokens } = await shareScratch());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI in `cwd`; returns its exit code and what it printed on stdout and stderr. */
async function cli(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = { stdout: [] as string[], stderr: [] as string[] };
  const writes = {
    stdout: process.stdout.write.bind(process.stdout),
    stderr: process.stderr.write.bind(process.stderr),
  };
  process.stdout.write = ((s: string) => (captured.stdout.push(s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => (captured.stderr.push(s), true)) as typeof process.stderr.write;
  const before = process.cwd();
  try {
    process.chdir(cwd);
    const code = await main(args, TODAY);
    return { code, stdout: captured.stdout.join(""), stderr: captured.stderr.join("") };
  } finally {
    process.chdir(before);
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
  }
}

const publishOne = (slug: string, extra: string[] = []) => [
  "publish",
  slug,
  "--from",
  out,
  "--data",
  data,
  "--to",
  "site",
  ...extra,
];
const publishBare = (extra: string[] = []) => publishOne("bare", extra);

describe("milepost publish without --base-url", () => {
  it("prints the local path as the link and says so, with how to set the base URL", async () => {
    const cwd = join(dir, "local");
    await mkdir(cwd, { recursive: true });
    const { code, stdout } = await cli(cwd, publishBare());
    expect(code).toBe(0);
    const files = (await listFiles(join(out, "bare"))).filter(
      (f) => f !== "report.json" && f !== ".milepost-key.json" && f !== ".milepost-copy" && !/^print-.*\.html$/.test(f),
    );
    expect(stdout).toBe(`✓ Bare Minimum Ltd — ${files.length} files uploaded
    link      ${join(cwd, "site")}/${tokens.bare}/
    expires   never (a static link lasts until it is pruned)

Published 1 of 1 to ${join(cwd, "site")}/ (${files.length + 2} files uploaded, 0 deleted). Links: shares.csv
The links are local paths in ${join(cwd, "site")}/, not web addresses: give the address it is served at with --base-url https://… or "baseUrl" in milepost.config.json, and publish again.
`);
  });

  it("takes milepost.config.json's baseUrl for the links and the email drafts, and says nothing more", async () => {
    const cwd = join(dir, "configured");
    await mkdir(cwd, { recursive: true });
    await writeFile(join(cwd, "milepost.config.json"), '{ "baseUrl": "https://packs.example.com/q4/" }\n');
    // kiso-kogyo: a customer whose stakeholders have email addresses, so it gets a draft.
    const { code, stdout } = await cli(cwd, publishOne("kiso-kogyo", ["--drafts", "drafts"]));
    expect(code).toBe(0);
    expect(stdout).toContain(`    link      https://packs.example.com/q4/${tokens["kiso-kogyo"]}/\n`);
    expect(stdout).not.toContain("local paths");
    expect(await readdir(join(cwd, "drafts"))).toEqual(["kiso-kogyo.eml"]);
    const mail = await simpleParser(await readFile(join(cwd, "drafts", "kiso-kogyo.eml")));
    expect(mail.text).toContain(`https://packs.example.com/q4/${tokens["kiso-kogyo"]}/`);
  });

  it("lets --base-url win over the config's, and refuses a config baseUrl that is not a web address", async () => {
    const cwd = join(dir, "both");
    await mkdir(cwd, { recursive: true });
    await writeFile(join(cwd, "milepost.config.json"), '{ "baseUrl": "https://packs.example.com/q4/" }\n');
    const flag = await cli(cwd, publishBare(["--base-url", "https://flag.example.com/"]));
    expect(flag.stdout).toContain(`    link      https://flag.example.com/${tokens.bare}/\n`);

    await writeFile(join(cwd, "milepost.config.json"), '{\n  "baseUrl": "packs.example.com"\n}\n');
    const bad = await cli(cwd, publishBare());
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      "milepost.config.json has 1 mistake\n" +
        '  milepost.config.json:2 baseUrl: "packs.example.com" is not a web address — write it with https://, e.g. https://packs.example.com/q3/\n' +
        "  nothing is built until the config is right (see docs/data-contract.md#milepostconfigjson)\n",
    );
  });
});
