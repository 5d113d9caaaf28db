// Import maps (milepost.map.json): a German CRM export read as measurements — its file, its
// headers, its numbers and dates — and the milestones' status words, each mapping explained by
// `milepost validate`; `init --map` writes an example that the JSON Schema and milepost both take.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { importMapSchema } from "../../src/importmap.ts";

const BIN = join(import.meta.dirname, "..", "..", "bin", "milepost.js");
const ACME = join(import.meta.dirname, "..", "fixtures", "data", "acme");
const roots: string[] = [];
afterAll(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

async function milepost(cwd: string, ...args: string[]) {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

/** acme with its measurements as a German CRM export (`;`, decimal commas, day-first dates) and German status words. */
async function acmeFromCrm(map: object): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "milepost-map-"));
  roots.push(root);
  const dir = join(root, "data", "acme");
  await cp(ACME, dir, { recursive: true });
  const rows = (await readFile(join(ACME, "measurements.csv"), "utf8")).trim().split("\n").slice(1);
  const crm = rows.map((r) => {
    const [id, date, value, source, note] = r.split(",");
    const [y, m, d] = date.split("-");
    return [id, `${d}.${m}.${y}`, value.replace(".", ","), source, note ?? ""].join(";");
  });
  await writeFile(join(dir, "CRM Export.csv"), `Kennzahl;Datum;Wert;Quelle;Notiz\n${crm.join("\n")}\n`);
  await rm(join(dir, "measurements.csv"));
  const milestones = await readFile(join(ACME, "milestones.csv"), "utf8");
  await writeFile(join(dir, "milestones.csv"), milestones.replaceAll(",achieved,", ",Abgeschlossen,"));
  await writeFile(join(dir, "milepost.map.json"), JSON.stringify(map, null, 2));
  return root;
}

const MAP = {
  numberFormat: "1.234,5",
  dateFormat: "DMY",
  tables: {
    measurements: {
      file: "CRM Export.csv",
      columns: { Kennzahl: "metric_id", Datum: "date", Wert: "value", Quelle: "source", Notiz: "note" },
    },
    milestones: { values: { status: { Abgeschlossen: "achieved" } } },
  },
};

describe("milepost.map.json", () => {
  it("reads a CRM export as a table, and validate explains each mapping it applied", async () => {
    const root = await acmeFromCrm(MAP);
    const { code, stdout } = await milepost(root, "validate", "acme", "--as-of", "2026-09-30");
    expect(code, stdout).toBe(0);
    const lines = stdout.split("\n");
    expect(lines.filter((l) => l.startsWith("    map"))).toEqual([
      "    map      data/acme/milepost.map.json: measurements: read from CRM Export.csv",
      '    map      data/acme/milepost.map.json: measurements: column "kennzahl" read as metric_id',
      '    map      data/acme/milepost.map.json: measurements: column "datum" read as date',
      '    map      data/acme/milepost.map.json: measurements: column "wert" read as value',
      '    map      data/acme/milepost.map.json: measurements: column "quelle" read as source',
      '    map      data/acme/milepost.map.json: measurements: column "notiz" read as note',
      '    map      data/acme/milepost.map.json: milestones: status "Abgeschlossen" read as "achieved" (2 rows)',
    ]);
    expect(lines.filter((l) => l.startsWith("    error"))).toEqual([]);
  });

  it("refuses a key it does not know, with where it is", async () => {
    const root = await acmeFromCrm({ ...MAP, tables: { measurements: { ...MAP.tables.measurements, colums: {} } } });
    const { code, stdout } = await milepost(root, "validate", "acme", "--as-of", "2026-09-30");
    expect(code).toBe(1);
    expect(stdout).toContain(
      'error  data/acme/milepost.map.json tables.measurements: Unrecognized key: "colums" — see README, "Import maps", for what milepost.map.json takes',
    );
  });

  it("is written as a commented example by init --map, which its schema takes", async () => {
    const root = await mkdtemp(join(tmpdir(), "milepost-map-init-"));
    roots.push(root);
    expect((await milepost(root, "init", "bayern-ag", "--locale", "de-DE", "--map")).code).toBe(0);
    const written = JSON.parse(await readFile(join(root, "data", "bayern-ag", "milepost.map.json"), "utf8"));
    expect(importMapSchema.safeParse(written).success).toBe(true);
    expect(written.$comment).toMatch(/milepost validate lists each mapping it applied/);
  });
});
