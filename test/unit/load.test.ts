import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DataIssue } from "../../src/errors.ts";
import { detectDelimiter, normalizeHeader, parseCsv, parseJsonRows } from "../../src/load.ts";

const MESSY = join(import.meta.dirname, "..", "fixtures", "messy");
const at = (file: string) => `data/acme/${file}`;

async function readMessy(name: string) {
  const issues: DataIssue[] = [];
  const text = await readFile(join(MESSY, name), "utf8");
  const table = parseCsv(text.replace(/^\uFEFF/, ""), name, at, issues);
  return { table: table!, issues };
}

const ROWS = [
  {
    id: "m1",
    name: "Report prep, weekly",
    category: "time",
    unit: "hours/week",
    direction: "down",
    baseline: "15",
    baseline_date: "2025-10-01",
    target: "2",
    target_date: "2026-06-30",
  },
  {
    id: "m2",
    name: "Forecast accuracy",
    category: "quality",
    unit: "%",
    direction: "up",
    baseline: "71",
    baseline_date: "2025-10-01",
    target: "90",
    target_date: "2026-09-30",
  },
];

describe("parseCsv(text, file)", () => {
  it.each(["bom-crlf-comma.csv", "semicolon.csv", "tab.csv"])(
    "reads %s to the same rows, each with its line",
    async (name) => {
      const { table, issues } = await readMessy(name);
      expect(issues).toEqual([]);
      expect(table.rows.map((r) => r.values)).toEqual(ROWS);
      expect(table.rows.map((r) => r.line)).toEqual([2, 3]);
    },
  );

  it("keeps a quoted comma and newline inside one field, and numbers the row by the line it starts on", async () => {
    const { table } = await readMessy("quoted-newline.csv");
    expect(table.rows[0].values.name).toBe("Report prep,\nweekly");
    expect(table.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(table.columns).toContain("owner_email");
  });

  it("skips blank lines without losing count of lines", () => {
    const issues: DataIssue[] = [];
    const t = parseCsv("id,name\r\n\r\nm1,a\r\n\r\n\r\nm2,b\r\n", "x.csv", at, issues)!;
    expect(t.rows.map((r) => [r.values.id, r.line])).toEqual([
      ["m1", 3],
      ["m2", 6],
    ]);
  });

  it("reports a row with more cells than the header", () => {
    const issues: DataIssue[] = [];
    parseCsv("id,name\nm1,a,b\n", "metrics.csv", at, issues);
    expect(issues).toMatchObject([{ code: "extra-cells", file: "data/acme/metrics.csv", line: 2 }]);
  });

  it("reports an unclosed quote as a CSV the person can fix", () => {
    const issues: DataIssue[] = [];
    expect(parseCsv('id,name\nm1,"broken\n', "metrics.csv", at, issues)).toBeNull();
    expect(issues[0]).toMatchObject({ code: "bad-csv", file: "data/acme/metrics.csv" });
    expect(issues[0].fix).toMatch(/closing quote/);
  });
});

describe("detectDelimiter(text)", () => {
  it("picks the delimiter of the header line, ignoring quoted ones", () => {
    expect(detectDelimiter('"a;b",c,d\n1;2;3;4;5')).toBe(",");
    expect(detectDelimiter("a;b;c\n")).toBe(";");
    expect(detectDelimiter("a\tb\n")).toBe("\t");
    expect(detectDelimiter("single\n")).toBe(",");
  });
});

describe("normalizeHeader(name)", () => {
  it("makes headers case- and space-insensitive", () => {
    expect(normalizeHeader(" Target Date ")).toBe("target_date");
    expect(normalizeHeader("Metric-ID")).toBe("metric_id");
    expect(normalizeHeader("Target  ")).toBe("target");
  });
});

describe("parseJsonRows(text, file)", () => {
  it("gives each object the line it opens on", () => {
    const issues: DataIssue[] = [];
    const t = parseJsonRows(
      '[\n  {"id": "a"},\n\n  {\n    "id": "b", "Target Date": "2026-01-01"\n  }\n]',
      "milestones.json",
      at,
      issues,
    )!;
    expect(t.rows).toEqual([
      { line: 2, values: { id: "a" } },
      { line: 4, values: { id: "b", target_date: "2026-01-01" } },
    ]);
  });

  it("names the line of a JSON syntax error", () => {
    const issues: DataIssue[] = [];
    expect(parseJsonRows('[\n {"id": "a"}\n {"id": "b"}\n]', "milestones.json", at, issues)).toBeNull();
    expect(issues[0]).toMatchObject({ code: "bad-json", file: "data/acme/milestones.json", line: 3 });
  });
});
