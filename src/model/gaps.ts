// The data gaps of a customer: what its data leaves out, by file and field. The customer's copy leaves out what a
// gap would fill (no "Not stated", no "add handoff.json"); the internal copy lists every gap on its Data gaps page
// (docs/report-json.md, "Copies"). Pure.
import type { Pack } from "../documents.ts";
import type { CustomerData, TableName } from "../schema.ts";
import type { Report } from "./contract.ts";
import { exampleRows } from "./examples.ts";
import { CUSTOMER_SOURCE } from "./provenance.ts";

/**
 * What a gap is: `table`, a file or a list of customer.json not given; `field`, a row's field left empty;
 * `standard`, no close-out table, so the tracker is milepost's standard checklist (in the internal copy only);
 * `example`, a row `milepost init` wrote and nobody replaced (the customer's copy is refused until it goes).
 */
export type GapKind = "table" | "field" | "standard" | "example";

/** One gap: where to write, what, and which pack it leaves incomplete. */
export interface DataGap {
  kind: GapKind;
  /** The pack whose pages it leaves incomplete. */
  pack: Pack;
  /** The file to write in, e.g. "milestones.csv", "customer.json", "handoff.json". */
  file: string;
  /** The row's line in that file; null for a whole file or a JSON document. */
  line: number | null;
  /** The field, column or list to fill, e.g. "owner", "goals"; null for a whole file. */
  field: string | null;
  /** The row it belongs to, as the pack names it (a milestone's name, a checklist item); null for a file. */
  item: string | null;
}

/** The milestone fields a milestone card shows, by column, and what the report calls them. */
const MILESTONE_FIELDS = [
  ["owner", "owner"],
  ["confidence", "confidence"],
  ["definition", "definition"],
  ["measurement", "measurement"],
  ["business_impact", "businessImpact"],
  ["next_steps", "nextSteps"],
] as const;

/** The metric columns that say how the kickoff plan measures and validates an outcome. */
const KICKOFF_FIELDS = ["method", "source", "confirmed_by"] as const;

/** The tables whose absence leaves a close-out section out, in the pack's order. */
const CLOSEOUT_TABLES: TableName[] = ["training", "retrospective", "csat", "financials", "opportunities"];

/** Every gap of a customer's data, the QBR's first, then the kickoff plan's and the close-out's, each in the order of its pages. */
export function dataGaps(data: CustomerData, report: Report): DataGap[] {
  const has = (t: TableName) => data.present.includes(t);
  const file = (pack: DataGap["pack"], name: string, field: string | null = null): DataGap => ({
    kind: "table",
    pack,
    file: name,
    line: null,
    field,
    item: null,
  });
  const c = data.customer;
  const qbr: DataGap[] = [
    ...(has("metrics") ? [] : [file("qbr", "metrics.csv")]),
    ...(has("metrics") && !has("measurements") ? [file("qbr", "measurements.csv")] : []),
    ...(has("milestones") ? [] : [file("qbr", "milestones.csv")]),
    ...(c.costs.length === 0 ? [file("qbr", CUSTOMER_SOURCE, "costs")] : []),
    ...(c.stakeholders.length === 0 ? [file("qbr", CUSTOMER_SOURCE, "stakeholders")] : []),
    ...data.milestones.flatMap((row) => {
      const m = report.milestones.find((x) => x.id === row.id);
      return MILESTONE_FIELDS.filter(([, key]) => m && !m[key]).map(([column]): DataGap => ({
        kind: "field",
        pack: "qbr",
        file: row.src.file,
        line: row.src.line,
        field: column,
        item: row.name,
      }));
    }),
  ];
  // The kickoff plan's: what it would say "to agree" about, while the plan is built (report.kickoff).
  const kickoff: DataGap[] = !report.kickoff
    ? []
    : [
        ...(c.goals.length === 0 ? [file("kickoff", CUSTOMER_SOURCE, "goals")] : []),
        ...(c.kickoff?.cadence ? [] : [file("kickoff", CUSTOMER_SOURCE, "kickoff.cadence")]),
        ...((c.kickoff?.team.length ?? 0) > 0 ? [] : [file("kickoff", CUSTOMER_SOURCE, "kickoff.team")]),
        ...data.metrics.flatMap((row) =>
          KICKOFF_FIELDS.filter((column) => !row[column]).map((column): DataGap => ({
            kind: "field",
            pack: "kickoff",
            file: row.src.file,
            line: row.src.line,
            field: column,
            item: row.name,
          })),
        ),
      ];
  const closeout: DataGap[] = !c.engagement.end
    ? []
    : [
        ...(c.goals.length === 0 ? [file("closeout", CUSTOMER_SOURCE, "goals")] : []),
        ...(has("closeout") ? [] : [{ ...file("closeout", "closeout.csv"), kind: "standard" as const }]),
        ...data.closeout
          .filter((i) => !i.owner)
          .map((i): DataGap => ({
            kind: "field",
            pack: "closeout",
            file: i.src.file,
            line: i.src.line,
            field: "owner",
            item: i.item,
          })),
        ...(data.handoff ? [] : [file("closeout", "handoff.json")]),
        ...(data.handoff?.systems ?? []).flatMap((s, i): DataGap[] =>
          s.owner?.trim()
            ? []
            : [
                {
                  kind: "field",
                  pack: "closeout",
                  file: "handoff.json",
                  line: null,
                  field: `systems[${i}].owner`,
                  item: s.name,
                },
              ],
        ),
        ...CLOSEOUT_TABLES.filter((t) => !has(t)).map((t) => file("closeout", `${t}.csv`)),
        ...data.retrospective
          .filter((r) => r.kind === "action" && !r.owner)
          .map((r): DataGap => ({
            kind: "field",
            pack: "closeout",
            file: r.src.file,
            line: r.src.line,
            field: "owner",
            item: r.text,
          })),
      ];
  const examples = exampleRows(data).map((e): DataGap => ({
    kind: "example",
    pack: "qbr",
    file: e.file,
    line: e.line,
    field: e.field,
    item: e.value,
  }));
  return [...examples, ...qbr, ...kickoff, ...closeout];
}
