// Typed column readers: a row table's fields checked column by column, each distinct cell text of a
// column read once by its field's schema, instead of a zod object parse per row. A row read here
// gives the same data and the same issues, in the same order, as `schema.safeParse(row)`.
import { z } from "zod";

type Issue = z.core.$ZodIssue;

/** A row as read: its typed data, or the issues of its fields (paths start with the field). */
export type RowResult = { success: true; data: Record<string, unknown> } | { success: false; issues: Issue[] };

/** The most distinct cell texts a column remembers; past it, a cell is read each time. */
const REMEMBERED = 4096;

type Read = { ok: true; value: unknown } | { ok: false; issues: readonly Issue[] };

/** A field's reader: its schema applied once per distinct primitive cell (text, number, boolean, blank). */
export function columnReader(type: z.ZodType): (cell: unknown) => Read {
  const seen = new Map<unknown, Read>();
  const read = (cell: unknown): Read => {
    const result = type.safeParse(cell);
    return result.success ? { ok: true, value: result.data } : { ok: false, issues: result.error.issues };
  };
  return (cell) => {
    if (cell !== null && typeof cell === "object") return read(cell);
    const known = seen.get(cell);
    if (known) return known;
    const got = read(cell);
    // A value that is an object (a list of evidence) is each row's own.
    const shareable = !got.ok || got.value === null || typeof got.value !== "object";
    if (shareable && seen.size < REMEMBERED) seen.set(cell, got);
    return got;
  };
}

type Absent = { present: boolean; value: unknown; issues: Issue[] };

/** What a field absent from a row's keys gives, exactly as its object schema says (nothing, a default, or an issue). */
function absentField(field: string, type: z.ZodType): () => Absent {
  const alone = z.object({ [field]: type });
  const read = (): Absent => {
    const result = alone.safeParse({});
    if (!result.success) return { present: false, value: undefined, issues: result.error.issues };
    return { present: field in result.data, value: result.data[field], issues: [] };
  };
  const once = read();
  // A default that is an object (a list) is each row's own.
  return once.value !== null && typeof once.value === "object" ? read : () => once;
}

/** Reads rows as `schema.safeParse(values)` would, field by field through column readers (one reader per table). */
export function rowReader(schema: z.ZodObject): (values: Record<string, unknown>) => RowResult {
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(([field, type]) => ({
    field,
    read: columnReader(type),
    absent: absentField(field, type),
  }));
  return (values) => {
    const data: Record<string, unknown> = {};
    let issues: Issue[] | null = null;
    for (const { field, read, absent } of fields) {
      if (!(field in values)) {
        const { issues: wrong, present, value } = absent();
        if (wrong.length) (issues ??= []).push(...wrong.map((i) => ({ ...i, path: [...i.path] })));
        else if (present) data[field] = value;
        continue;
      }
      const got = read(values[field]);
      if (got.ok) data[field] = got.value;
      else (issues ??= []).push(...got.issues.map((i) => ({ ...i, path: [field, ...i.path] })));
    }
    return issues ? { success: false, issues } : { success: true, data };
  };
}
