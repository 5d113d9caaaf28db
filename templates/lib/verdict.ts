// Pages place the judgement ledger's verdicts (report.json `verdicts`), never decide one: `verdict(item)` reads it,
// `mark(item)` is the data-verdict attribute the consistency oracle reads (test/slow/verdicts.test.ts).
import type { Report } from "../../src/model/contract.ts";

/** The ledger of `report`: the verdict on an item (null when the ledger holds none), its reason and its data-verdict mark. */
export function ledger(report: Pick<Report, "verdicts">) {
  const byItem = new Map(report.verdicts.map((v) => [v.item, v]));
  const verdict = (item: string): string | null => byItem.get(item)?.verdict ?? null;
  return {
    verdict,
    /** The rule that gave the item's verdict, e.g. "claimed_earlier"; null when the ledger holds none. */
    reason: (item: string): string | null => byItem.get(item)?.reason ?? null,
    /** e.g. "target:m2:missed"; undefined (no attribute) when the ledger holds no verdict on the item. */
    mark: (item: string): string | undefined => {
      const v = verdict(item);
      return v === null ? undefined : `${item}:${v}`;
    },
  };
}
