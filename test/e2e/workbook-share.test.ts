// A customer kept as one workbook goes the whole way: init --xlsx → build → share rotate → publish
// --protect --drafts, each command reading the customer as build does, and the new share token
// written into the workbook's customer sheet.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { EXAMPLE_MARK } from "../../src/model/examples.ts";

const BIN = join(import.meta.dirname, "..", "..", "bin", "milepost.js");
let root: string;
afterAll(() => rm(root, { recursive: true, force: true }));

async function milepost(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The customer sheet's field | value rows of a workbook. */
async function customerSheet(file: string): Promise<Map<string, unknown>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows = new Map<string, unknown>();
  book.getWorksheet("customer")!.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
  return rows;
}

describe("a workbook-only customer", () => {
  it("goes init → build → share rotate → publish --protect --drafts, its token in its workbook", async () => {
    root = await mkdtemp(join(tmpdir(), "milepost-workbook-share-"));
    const workbook = join(root, "data", "kiso", "customer.xlsx");
    expect((await milepost("init", "kiso", "--locale", "ja-JP", "--xlsx")).code).toBe(0);
    // A stakeholder with an email, so that --drafts has someone to write to.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook);
    book.getWorksheet("stakeholders")!.getCell("D2").value = "alex@example.com";
    // The customer's own words in place of init's examples: the customer's copy is refused while one remains.
    const own = (text: string) => text.replaceAll(` ${EXAMPLE_MARK}`, "");
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string") cell.value = own(cell.value);
        }),
      ),
    );
    await book.xlsx.writeFile(workbook);
    const handoff = join(root, "data", "kiso", "handoff.json");
    await writeFile(handoff, own(await readFile(handoff, "utf8")));
    expect(book.getWorksheet("stakeholders")!.getCell("D1").value).toBe("email");

    const built = await milepost("build", "kiso", "--period", "2026-Q3", "--no-pdf", "--out", "dist");
    expect(built.code, built.stdout + built.stderr).toBe(0);

    const rotated = await milepost("share", "rotate", "kiso", "--json");
    expect(rotated.code, rotated.stderr).toBe(0);
    const { token } = JSON.parse(rotated.stdout) as { token: string };
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await customerSheet(workbook)).get("share.token")).toBe(token);

    const published = await milepost(
      "publish",
      "--all",
      "--from",
      "dist",
      "--to",
      "public",
      "--protect",
      "--drafts",
      "drafts",
      "--base-url",
      "https://packs.example.com/q3/",
    );
    expect(published.code, published.stdout + published.stderr).toBe(0);
    expect(published.stdout).toContain(token);
    expect(await readdir(join(root, "public", token))).toContain("lock.json");
    expect(await readdir(join(root, "drafts"))).toEqual(["kiso.eml"]);

    // A second rotation replaces the token in place: one share.token row.
    const again = JSON.parse((await milepost("share", "rotate", "kiso", "--json")).stdout) as { token: string };
    const sheet = await customerSheet(workbook);
    expect(sheet.get("share.token")).toBe(again.token);
    expect([...sheet.keys()].filter((k) => k === "share.token")).toHaveLength(1);
  });
});
