import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as rules from "../../src/cross-rules.ts";
import { crossContext, crossRules, type CrossRule } from "../../src/cross-rules.ts";
import { loadCustomer, type RawCustomer } from "../../src/load.ts";
import type { CustomerData } from "../../src/schema.ts";
import { validateCustomer } from "../../src/validate.ts";

const ACME = join(import.meta.dirname, "..", "fixtures", "data", "acme");
let acme: { raw: RawCustomer; data: CustomerData };

beforeAll(async () => {
  const raw = await loadCustomer(ACME, "acme", "data/acme");
  acme = { raw, data: validateCustomer(raw).data! };
});

/** What `rule` finds in the acme fixture after `change` (on copies of its typed rows and its files as read). */
function run(rule: CrossRule, change: (data: CustomerData, raw: RawCustomer) => void = () => {}) {
  const raw = structuredClone(acme.raw);
  const data = structuredClone(acme.data);
  change(data, raw);
  return rule(crossContext(data, raw));
}

const row = (line: number, values: Record<string, unknown>) => ({ line, values });

describe("crossRules", () => {
  it("lists every rule the module exports, and none finds anything in the acme fixture", () => {
    const exported = Object.entries(rules).filter(([name, f]) => typeof f === "function" && name !== "crossContext");
    expect(Object.keys(crossRules).sort()).toEqual(exported.map(([name]) => name).sort());
    for (const [name, rule] of Object.entries(crossRules)) expect(run(rule), name).toEqual([]);
  });
});

describe("uniqueIds(c)", () => {
  it("names an id used twice in its table, with the first place it is used", () => {
    const found = run(rules.uniqueIds, (_, raw) => {
      raw.tables.milestones!.rows.push(row(9, { id: " ms1 " }));
      raw.tables.metrics!.rows.push(row(5, { id: "m2", baseline: "oops" }));
    });
    expect(found).toEqual([
      {
        file: "metrics.csv",
        line: 5,
        field: "id",
        value: "m2",
        problem: "is used twice in metrics (first at metrics.csv:3)",
        fix: "give each row its own id",
        code: "duplicate-id",
      },
      expect.objectContaining({
        file: "milestones.csv",
        line: 9,
        problem: "is used twice in milestones (first at milestones.csv:2)",
      }),
    ]);
  });
});

describe("targetAfterBaseline(c)", () => {
  it("refuses a target date before the baseline date", () => {
    expect(run(rules.targetAfterBaseline, (d) => (d.metrics[0].target_date = "2025-09-30"))).toEqual([
      {
        file: "metrics.csv",
        line: 2,
        field: "target_date",
        value: "2025-09-30",
        problem: "is before the baseline_date 2025-10-01",
        fix: "a target date comes after the baseline is measured",
        code: "target-before-baseline",
      },
    ]);
  });
});

describe("targetDiffers(c)", () => {
  it("refuses a target equal to the baseline", () => {
    expect(run(rules.targetDiffers, (d) => (d.metrics[1].target = 71))).toEqual([
      {
        file: "metrics.csv",
        line: 3,
        field: "target",
        value: 71,
        problem: "equals the baseline",
        fix: "write the value you are aiming for; it must differ from the baseline",
        code: "target-equals-baseline",
      },
    ]);
  });
});

describe("bothMonetized(c)", () => {
  it("names the empty one of value_per_unit and per", () => {
    const found = run(rules.bothMonetized, (d) => {
      d.metrics[0].per = undefined;
      d.metrics[1].per = "week";
    });
    expect(found.map((f) => [f.line, f.field, f.value, f.problem, f.code])).toEqual([
      [2, "per", "", "is empty while its partner is given", "half-monetized"],
      [3, "value_per_unit", "", "is empty while its partner is given", "half-monetized"],
    ]);
    expect(found[0].fix).toBe("fill both value_per_unit and per to put a money value on this metric, or neither");
  });
});

describe("measuredAfterBaseline(c)", () => {
  it("refuses a measurement before its metric's baseline date, and leaves unknown metrics to knownMetrics", () => {
    const found = run(rules.measuredAfterBaseline, (d) => {
      d.measurements[0].date = "2025-09-01";
      d.measurements[1].metric_id = "m9";
      d.measurements[1].date = "2020-01-01";
    });
    expect(found).toEqual([
      {
        file: "measurements.csv",
        line: 2,
        field: "date",
        value: "2025-09-01",
        problem: "is before the baseline_date 2025-10-01 of metric m1",
        fix: "correct the date, or move the metric's baseline_date earlier",
        code: "measurement-before-baseline",
      },
    ]);
  });
});

describe("achievedHasDate(c)", () => {
  it("wants a date, or a measurement reaching the milestone's threshold, for an achieved milestone", () => {
    const achieved = (metric?: string, threshold?: number) => (d: CustomerData) => {
      Object.assign(d.milestones[0], { achieved_date: undefined, metric_id: metric, threshold });
    };
    expect(run(rules.achievedHasDate, achieved())).toEqual([
      {
        file: "milestones.csv",
        line: 2,
        field: "status",
        value: "achieved",
        problem: "has no date it was achieved on",
        fix: "add achieved_date (YYYY-MM-DD), or a metric_id and threshold that a measurement reaches",
        code: "achieved-without-date",
      },
    ]);
    expect(run(rules.achievedHasDate, achieved("m1", 13))).toEqual([]);
    expect(run(rules.achievedHasDate, achieved("m1", 0.5))).toHaveLength(1);
    // Unknowable while its metric is not a valid one.
    expect(run(rules.achievedHasDate, achieved("m9", 1))).toEqual([]);
  });
});

describe("evidenceInFolder(c)", () => {
  it("wants each evidence file in the customer's folder, and leaves links alone", () => {
    const found = run(rules.evidenceInFolder, (d, raw) => {
      d.milestones[0].evidence = ["https://example.com/a.png", "evidence/none.png", "../x.png", "./shared.png"];
      raw.outsideLinks.add("shared.png");
    });
    expect(found.map((f) => [f.value, f.problem, f.fix, f.code])).toEqual([
      [
        "evidence/none.png",
        "is not a file in data/acme/",
        "put the file at data/acme/evidence/none.png, or write a link starting with https://",
        "missing-evidence",
      ],
      [
        "../x.png",
        "is not a file in data/acme/",
        "put the file at data/acme/../x.png, or write a link starting with https://",
        "missing-evidence",
      ],
      [
        "./shared.png",
        "is a link to a file outside data/acme/",
        "copy the file itself to data/acme/shared.png: only what is inside the customer's folder is published",
        "evidence-outside",
      ],
    ]);
    expect(found.every((f) => f.file === "milestones.csv" && f.line === 2 && f.field === "evidence")).toBe(true);
  });
});

describe("knownMetrics(c)", () => {
  it("names each unknown metric id once per file, with every line, and the ids there are", () => {
    const found = run(rules.knownMetrics, (d) => {
      for (const i of [0, 1, 2]) d.measurements[i].metric_id = "m11";
      d.milestones[1].metric_id = "zz";
      d.customer.goals[0].metrics = ["m11"];
    });
    expect(found).toEqual([
      {
        file: "measurements.csv",
        line: 2,
        field: "metric_id",
        value: "m11",
        problem: "is not the id of any metric (also on lines 3, 4)",
        fix: "use one of: m1, m2, m3",
        code: "unknown-metric",
      },
      expect.objectContaining({ file: "milestones.csv", line: 3, value: "zz", problem: "is not the id of any metric" }),
      expect.objectContaining({ file: "customer.json", line: undefined, field: "goals[0].metrics", value: "m11" }),
    ]);
  });

  it("says nothing while metrics.csv cannot say which ids exist", () => {
    const found = run(rules.knownMetrics, (d, raw) => {
      d.measurements[0].metric_id = "m11";
      raw.unreadable.add("metrics");
    });
    expect(found).toEqual([]);
  });
});

describe("scoreInScale(c)", () => {
  it("refuses a score outside its scale: 0–10, or 1 to the scale", () => {
    const found = run(rules.scoreInScale, (d) => {
      d.csat[0].score = 0;
      d.csat[1] = { ...d.csat[1], scale: 10, score: 0 };
    });
    expect(found).toEqual([
      {
        file: "csat.csv",
        line: 2,
        field: "score",
        value: 0,
        problem: "is outside the 5-point scale",
        fix: "write a score from 1 to 5, or correct the scale",
        code: "score-out-of-scale",
      },
    ]);
  });
});

describe("priceInOrder(c)", () => {
  it("refuses a price_low above price_high", () => {
    expect(run(rules.priceInOrder, (d) => Object.assign(d.opportunities[0], { price_low: 9, price_high: 5 }))).toEqual([
      {
        file: "opportunities.csv",
        line: 2,
        field: "price_high",
        value: 5,
        problem: "is below price_low 9",
        fix: "write the lower price in price_low and the higher in price_high",
        code: "price-range",
      },
    ]);
  });
});

describe("doneHasDate(c)", () => {
  it("wants a done action's done_date", () => {
    const found = run(rules.doneHasDate, (d) => {
      const action = {
        commitment: "Send the deck",
        owner: "Sam Patel",
        side: "provider",
        due: "2026-01-01",
        status: "done",
        src: { file: "actions.csv", line: 4 },
      } as const;
      d.actions.push(action, { ...action, done_date: "2026-01-02", src: { file: "actions.csv", line: 5 } });
    });
    expect(found).toEqual([
      {
        file: "actions.csv",
        line: 4,
        field: "status",
        value: "done",
        problem: "has no date it was done on",
        fix: "add done_date (YYYY-MM-DD): the scorecard says whether each commitment was kept on time",
        code: "done-without-date",
      },
    ]);
  });
});

describe("uniquePeriods(c)", () => {
  it("names a period given twice in support or health, as written", () => {
    const found = run(rules.uniquePeriods, (_, raw) => {
      raw.tables.health = {
        file: "health.csv",
        columns: ["period"],
        rows: [row(2, { period: "2026-q2" }), row(3, { period: "" }), row(4, { period: " 2026-Q2" })],
      } as RawCustomer["tables"]["health"];
    });
    expect(found).toEqual([
      {
        file: "health.csv",
        line: 4,
        field: "period",
        value: "2026-Q2",
        problem: "is given twice in health (first on line 2)",
        fix: "keep one row per period",
        code: "duplicate-period",
      },
    ]);
  });
});

describe("contractInOrder(c) and seatsMeasured(c)", () => {
  const contract = { start: "2026-01-01", end: "2025-12-31", renewalDate: "2025-06-01", seatsMeasure: "seats" };
  it("refuses a contract ending or renewing before it starts, at the key's line", () => {
    const found = run(rules.contractInOrder, (d, raw) => {
      d.customer.contract = contract as CustomerData["customer"]["contract"];
      raw.customer!.text = `{\n  "contract": {\n    "start": "",\n    "end": "",\n    "renewalDate": ""\n  }\n}`;
    });
    expect(found).toEqual([
      {
        file: "customer.json",
        line: 4,
        field: "contract.end",
        value: "2025-12-31",
        problem: "is before contract.start 2026-01-01",
        fix: "check both dates of the contract term",
        code: "contract-dates",
      },
      expect.objectContaining({
        line: 5,
        field: "contract.renewalDate",
        fix: "write the day the contract renews, after it starts",
      }),
    ]);
  });

  it("wants seatsMeasure to be a measure of the usage table", () => {
    const found = run(rules.seatsMeasured, (d) => {
      d.customer.contract = contract as CustomerData["customer"]["contract"];
    });
    expect(found.map((f) => [f.field, f.value, f.problem, f.fix, f.code])).toEqual([
      [
        "contract.seatsMeasure",
        "seats",
        "is not a measure of the usage table",
        "add a usage table with this measure, or remove contract.seatsMeasure",
        "unknown-measure",
      ],
    ]);
    const measured = run(rules.seatsMeasured, (d) => {
      d.customer.contract = contract as CustomerData["customer"]["contract"];
      d.usage = [{ measure: "users" }, { measure: "seats" }] as CustomerData["usage"];
    });
    expect(measured).toEqual([]);
  });
});

describe("engagementInOrder(c)", () => {
  it("refuses an engagement going live or ending before it starts", () => {
    const found = run(rules.engagementInOrder, (d) => {
      d.customer.engagement.goLive = "2025-09-01";
      d.customer.engagement.end = "2025-09-02";
    });
    expect(found.map((f) => [f.file, f.field, f.value, f.problem, f.code])).toEqual([
      ["customer.json", "engagement.goLive", "2025-09-01", "is before engagement.start 2025-10-01", "engagement-dates"],
      ["customer.json", "engagement.end", "2025-09-02", "is before engagement.start 2025-10-01", "engagement-dates"],
    ]);
    expect(found[0].line).toBe(17);
    expect(found[0].fix).toBe("check both dates: an engagement cannot end or go live before it starts");
  });
});

describe("plainEmails(c)", () => {
  it("names a stakeholder's email that is not one plain address, on the line it is written", () => {
    const found = run(rules.plainEmails, (d, raw) => {
      d.customer.stakeholders[1].email = "Sam <sam@x.example>";
      raw.customer!.text = raw.customer!.text.replace("sam.patel@acme-analytics.example", "Sam <sam@x.example>");
    });
    expect(found.map((f) => [f.line, f.field, f.value, f.code])).toEqual([
      [52, "stakeholders[1].email", "Sam <sam@x.example>", "invalid-email"],
    ]);
  });
});

describe("logosInFolder(c)", () => {
  it("wants each logo to be a file in the customer's folder", () => {
    const found = run(rules.logosInFolder, (d) => {
      d.customer.brand!.logo = "../logo.svg";
      d.customer.provider!.logo = "none.png";
    });
    expect(found).toEqual([
      {
        file: "customer.json",
        line: undefined,
        field: "brand.logo",
        value: "../logo.svg",
        problem: "is not a file in data/acme/",
        fix: "put the image at data/acme/../logo.svg, or remove brand.logo",
        code: "missing-logo",
      },
      expect.objectContaining({
        field: "provider.logo",
        fix: "put the image at data/acme/none.png, or remove provider.logo",
      }),
    ]);
  });
});

describe("strongShareToken(c)", () => {
  it("refuses a share token that is not 128 random bits, naming the command that makes one", () => {
    const found = run(rules.strongShareToken, (d) => {
      d.customer.share = { token: "password" } as CustomerData["customer"]["share"];
    });
    expect(found).toEqual([
      {
        file: "customer.json",
        line: undefined,
        field: "share.token",
        value: "password",
        problem: "is not a share token: 22 URL-safe characters holding 128 random bits",
        fix: "run milepost share rotate acme to give the customer a new one",
        code: "weak-share-token",
      },
    ]);
  });
});
