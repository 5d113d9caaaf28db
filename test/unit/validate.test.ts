import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/errors.ts";
import { loadCustomer } from "../../src/load.ts";
import { validateCustomer } from "../../src/validate.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

/** A copy of the acme fixture with some files replaced, validated as "data/acme". */
async function validateAcme(files: Record<string, string | null> = {}, today?: string) {
  const dir = await mkdtemp(join(tmpdir(), "milepost-validate-"));
  await cp(join(FIXTURES, "data", "acme"), dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    if (text === null) await import("node:fs/promises").then((fs) => fs.rm(join(dir, name)));
    else {
      await mkdir(join(dir, name, ".."), { recursive: true });
      await writeFile(join(dir, name), text);
    }
  }
  const { data, issues } = validateCustomer(await loadCustomer(dir, "acme", "data/acme"), today);
  const lines = (severity: string) => issues.filter((i) => i.severity === severity).map(formatIssue);
  return { data, errors: lines("error"), warnings: lines("warning") };
}

const METRICS_HEADER = "id,name,category,unit,direction,baseline,baseline_date,target,target_date,value_per_unit,per";

describe("validateCustomer(raw)", () => {
  it("a success criterion is judged by one threshold: a goal naming another number than its metric's target warns", async () => {
    const json = await readFile(join(FIXTURES, "data", "acme", "customer.json"), "utf8");
    const goal = (words: string) => ({
      "customer.json": json.replace("Leadership trusts the sales forecast", words),
    });
    const { warnings, errors } = await validateAcme(goal("Raise forecast accuracy above 85 %"));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      "data/acme/customer.json goals[0].statement: \"Raise forecast accuracy above 85 %\" names 85 as its threshold, but the pack judges the goal by its metric's target (m2 90%) — write the metric's target in the goal's words, or set the metric's target to the goal's number",
    ]);
    expect((await validateAcme(goal("Raise forecast accuracy to 90%"))).warnings).toEqual([]);
    expect((await validateAcme(goal("Leadership trusts the forecast of all 38 branches"))).warnings).toEqual([]);
  });

  it("a row dated after today is a located warning; rows after the as-of date but not after today stay quiet", async () => {
    const measurements = await readFile(join(FIXTURES, "data", "acme", "measurements.csv"), "utf8");
    const typo = `${measurements.trimEnd()}\nm1,2062-09-01,3,Timesheets,\nm1,2026-12-01,3,Timesheets,\n`;
    const { data, warnings, errors } = await validateAcme({ "measurements.csv": typo }, "2026-12-06");
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'data/acme/measurements.csv:23 date: "2062-09-01" is after today (2026-12-06), so no figure counts this row yet — check the year, and whether the day and month were swapped (customer.json\'s dateFormat says which comes first)',
    ]);
    expect(data!.measurements.some((m) => m.date === "2062-09-01")).toBe(true);
    expect((await validateAcme({ "measurements.csv": typo })).warnings).toEqual([]);
  });

  it("accepts the acme fixture as it is", async () => {
    const { data, errors, warnings } = await validateAcme();
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(data!.metrics.map((m) => [m.id, m.src])).toEqual([
      ["m1", { file: "metrics.csv", line: 2 }],
      ["m2", { file: "metrics.csv", line: 3 }],
      ["m3", { file: "metrics.csv", line: 4 }],
    ]);
  });

  it("rejects the spreadsheet's values, every one of them, with what to write", async () => {
    const messy = await readFile(join(FIXTURES, "messy", "excel-values.csv"), "utf8");
    const { data, errors } = await validateAcme({ "metrics.csv": messy });
    expect(data).toBeNull();
    expect(errors).toEqual(
      expect.arrayContaining([
        'data/acme/metrics.csv:2 baseline: "12,5" is not written in numberFormat 1,234.5 — write 12.5 (or set "numberFormat": "1.234,5" for the customer)',
      ]),
    );
  });

  it("reads thousands separators in the numberFormat, takes off the customer's currency from money, and words the rest", async () => {
    const csv = `${METRICS_HEADER}\nm1,Prep,time,h,down,"1,234",2025-10-01,2,2026-06-30,$80,week\nm2,Acc,quality,%,up,71,2025-10-01,"$4,500",2026-09-30,,\nm3,Entry,time,h,down,12.5h,2025-10-01,10,2026-06-30,"€8",week\n`;
    const { errors } = await validateAcme({ "metrics.csv": csv });
    expect(errors).toEqual([
      'data/acme/metrics.csv:3 target: "$4,500" is not a number — write 4500 (without the currency symbol)',
      'data/acme/metrics.csv:4 baseline: "12.5h" is not a number — write 12.5 (without the unit)',
      'data/acme/metrics.csv:4 value_per_unit: "€8" is not a number — write 8 (without the currency symbol)',
    ]);
  });

  it("names bad dates, enums and empty required cells", async () => {
    const csv = `${METRICS_HEADER}\nm1,Prep,time,h,sideways,15,13/10/2025,2,2026-02-30,,\nm2,,quality,%,up,71,2025-10-01,90,2026-09-30,,\n`;
    const { errors } = await validateAcme({ "metrics.csv": csv });
    expect(errors).toEqual(
      expect.arrayContaining([
        'data/acme/metrics.csv:2 direction: "sideways" is not one of the allowed values — write one of: down, up',
        'data/acme/metrics.csv:2 baseline_date: "13/10/2025" is not a day in the calendar read month first (dateFormat MDY) — if it is day first, write 2025-10-13',
        'data/acme/metrics.csv:2 target_date: "2026-02-30" is not a day in the calendar — check the month and day',
        "data/acme/metrics.csv:3 name: is empty — every row needs a name",
      ]),
    );
  });

  it("forgives case, spaces and hyphens in fixed words", async () => {
    const csv = `${METRICS_HEADER}\nm1,Prep,Time,h,DOWN,15,2025-10-01,2,2026-06-30,80,Week\nm2,Acc,quality,%,up,71,2025-10-01,90,2026-09-30,,\nm3,Entry,time,h,down,40,2025-10-01,10,2026-06-30,,\n`;
    const { errors } = await validateAcme({ "metrics.csv": csv });
    expect(errors).toEqual([]);
  });

  it("warns about an unknown column and reports a missing one", async () => {
    const csv =
      "id,name,category,unit,direction,baseline,baseline_date,target,Owner Email\nm1,Prep,time,h,down,15,2025-10-01,2,x@y.z\n";
    const { errors, warnings } = await validateAcme({
      "metrics.csv": csv,
      "measurements.csv": "metric_id,date,value\n",
      "milestones.csv": null,
    });
    expect(warnings).toContain(
      "data/acme/metrics.csv:1 owner_email: is not a column milepost knows; it is ignored — check the spelling if you meant one of: id, name, category, unit, direction, baseline, baseline_date, target, target_date, revised_target_date, value_per_unit, per, method, source, confirmed_by",
    );
    expect(errors).toEqual([
      "data/acme/metrics.csv:1 target_date: column is missing — add a column named target_date to the header row",
      'data/acme/customer.json goals[0].metrics: "m2" is not the id of any metric — use one of: m1',
      'data/acme/customer.json goals[1].metrics: "m3" is not the id of any metric — use one of: m1',
    ]);
  });

  it("checks the rules across files, all in one run", async () => {
    const { errors } = await validateAcme({
      "metrics.csv": `${METRICS_HEADER}\nm1,Prep,time,h,down,15,2025-10-01,2,2025-06-30,80,week\nm1,Again,time,h,down,15,2025-10-01,2,2026-06-30,,\n`,
      "measurements.csv": "metric_id,date,value\nm1,2025-09-01,14\nm9,2025-11-01,3\n",
      "milestones.csv":
        "id,name,phase,target_date,status,evidence\nms1,First,early_win,2025-11-30,achieved,evidence/missing.png | https://example.com/ok\n",
    });
    expect(errors).toEqual([
      'data/acme/metrics.csv:2 target_date: "2025-06-30" is before the baseline_date 2025-10-01 — a target date comes after the baseline is measured',
      'data/acme/metrics.csv:3 id: "m1" is used twice in metrics (first at metrics.csv:2) — give each row its own id',
      'data/acme/measurements.csv:2 date: "2025-09-01" is before the baseline_date 2025-10-01 of metric m1 — correct the date, or move the metric\'s baseline_date earlier',
      'data/acme/measurements.csv:3 metric_id: "m9" is not the id of any metric — use one of: m1',
      'data/acme/milestones.csv:2 status: "achieved" has no date it was achieved on — add achieved_date (YYYY-MM-DD), or a metric_id and threshold that a measurement reaches',
      'data/acme/milestones.csv:2 evidence: "evidence/missing.png" is not a file in data/acme/ — put the file at data/acme/evidence/missing.png, or write a link starting with https://',
      'data/acme/customer.json goals[0].metrics: "m2" is not the id of any metric — use one of: m1',
      'data/acme/customer.json goals[1].metrics: "m3" is not the id of any metric — use one of: m1',
    ]);
  });

  it("rejects a weak share token and a table given twice", async () => {
    const customer = JSON.parse(await readFile(join(FIXTURES, "data", "acme", "customer.json"), "utf8"));
    customer.share = { token: "acme2026" };
    const { errors } = await validateAcme({ "customer.json": JSON.stringify(customer, null, 2), "csat.json": "[]" });
    expect(errors).toEqual([
      "data/acme/csat.csv and csat.json are both present — keep one of them and delete or rename the other",
      'data/acme/customer.json share.token: "acme2026" is not a share token: 22 URL-safe characters holding 128 random bits — run milepost share rotate acme to give the customer a new one',
    ]);
  });

  it("explains a missing customer.json and a bad field in it", async () => {
    expect((await validateAcme({ "customer.json": null })).errors).toEqual([
      "data/acme/customer.json is missing — every customer folder needs a customer.json (or a customer.xlsx with a customer sheet) with at least name, locale, currency and engagement (see README, data contract)",
    ]);
    const customer = JSON.parse(await readFile(join(FIXTURES, "data", "acme", "customer.json"), "utf8"));
    customer.currency = "usd";
    customer.engagement.start = "2025-13-01";
    const text = JSON.stringify(customer, null, 2);
    const line = (key: string) => text.split("\n").findIndex((l) => l.includes(`"${key}"`)) + 1;
    expect((await validateAcme({ "customer.json": text })).errors).toEqual([
      `data/acme/customer.json:${line("currency")} currency: "usd" is not an ISO 4217 currency code — write a three-letter currency code such as USD, JPY, TWD or MYR`,
      `data/acme/customer.json:${line("start")} engagement.start: "2025-13-01" is not a day in the calendar — check the month and day`,
    ]);
  });
});

describe("validateCustomer(raw): the account tables and fields", () => {
  it("accepts usage, support, actions and health tables and the new customer.json fields", async () => {
    const customer = JSON.parse(await readFile(join(FIXTURES, "data", "acme", "customer.json"), "utf8"));
    customer.contract = { start: "2025-10-01", end: "2026-09-30", seats: 40, annualValue: 36000 };
    customer.acceptors = [{ name: "Jordan Lee", role: "COO" }];
    customer.postClose = { owner: "Sam Park", role: "Customer success manager" };
    customer.reference = { ask: "Case Study" };
    customer.stakeholders = [
      {
        name: "Jordan Lee",
        role: "COO",
        audience: "executive",
        influence: "high",
        sentiment: "Champion",
        change: "new",
      },
    ];
    const { data, errors, warnings } = await validateAcme({
      "customer.json": JSON.stringify(customer, null, 2),
      "usage.csv": "date,measure,value\n2026-03-31,Active users,31\n2026-06-30,Active users,36\n",
      "support.csv": "period,opened,closed,sla_met\n2026-q1,12,11,92.5\n2026-04,5,6,100\n",
      "actions.csv":
        "commitment,owner,side,due,status,done_date,agreed\nShare the data dictionary,Sam Park,Provider,2026-05-15,Done,2026-05-10,2026-Q1\n",
      "health.csv": "period,rag,note\n2026-Q1,Yellow,Rollout slipped\n",
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(data!.support.map((s) => s.period)).toEqual(["2026-Q1", "2026-04"]);
    expect(data!.actions[0]).toMatchObject({ side: "provider", status: "done", agreed: "2026-Q1" });
    expect(data!.customer.stakeholders[0]).toMatchObject({ sentiment: "champion", influence: "high" });
    expect(data!.customer.reference).toEqual({ ask: "case_study" });
  });

  it("words every mistake in the new tables with the fix", async () => {
    const { errors } = await validateAcme({
      "usage.csv": "date,measure,value\n31/03/2026,Active users,-3\n",
      "support.csv": "period,opened,closed,sla_met\nQ1 2026,12.5,11,0.95%\n2026-Q1,1,1,120\n2026-Q1,1,1,100\n",
      "actions.csv":
        "commitment,owner,side,due,status,done_date,agreed\nShare the dictionary,Sam,vendor,2026-05-15,done,,Q1\n",
      "health.csv": "period,rag,note\n2026-Q1,amber,\n",
    });
    expect(errors).toEqual([
      'data/acme/usage.csv:2 date: "31/03/2026" is not a day in the calendar read month first (dateFormat MDY) — if it is day first, write 2026-03-31',
      'data/acme/usage.csv:2 value: "-3" is below zero — write an amount of zero or more',
      'data/acme/support.csv:2 period: "Q1 2026" is not a quarter or a month — write a quarter as YYYY-Qn (2026-Q2) or a month as YYYY-MM (2026-05)',
      'data/acme/support.csv:2 opened: "12.5" is not a whole number — write a whole number, e.g. 12',
      'data/acme/support.csv:3 sla_met: "120" is not a percentage from 0 to 100 — write the percentage without the % sign, e.g. 95 (not 0.95)',
      'data/acme/support.csv:4 period: "2026-Q1" is given twice in support (first on line 3) — keep one row per period',
      'data/acme/actions.csv:2 side: "vendor" is not one of the allowed values — write one of: customer, provider',
      'data/acme/actions.csv:2 agreed: "Q1" is not a quarter — write the quarter as YYYY-Qn, e.g. 2026-Q2',
      'data/acme/health.csv:2 rag: "amber" is not one of the allowed values — write one of: green, yellow, red',
    ]);
  });

  it("takes one plain address per stakeholder email: two addresses, a line break or a name are located errors", async () => {
    const customer = JSON.parse(await readFile(join(FIXTURES, "data", "acme", "customer.json"), "utf8"));
    const person = (name: string, email: string) => ({ name, role: "COO", audience: "executive", email });
    customer.stakeholders = [
      person("Jordan Lee", " jordan.lee@acme.example "),
      person("Sam Ito", "sam@acme.example, cfo@rival.example"),
      person("Ana Ruiz", "ana@acme.example\r\nBcc: cfo@rival.example"),
      person("Kim Park", "Kim Park <kim@acme.example>"),
      person("Lee Wei", "lee.wei.acme.example"),
      person("Mika Sato", "佐藤@例え.jp"),
    ];
    customer.postClose = { owner: "Dana Ruiz", role: "CSM", email: "dana@provider.example;ops@provider.example" };
    const text = JSON.stringify(customer, null, 2);
    const lines = text.split("\n");
    const line = (value: string) => lines.findIndex((l) => l.includes(value)) + 1;
    const { errors } = await validateAcme({ "customer.json": text });
    expect(errors).toEqual([
      `data/acme/customer.json:${line("sam@acme")} stakeholders[1].email: "sam@acme.example, cfo@rival.example" holds more than one address — write one address per stakeholder: give each person a stakeholder of their own`,
      `data/acme/customer.json:${line("ana@acme")} stakeholders[2].email: "ana@acme.example\\r\\nBcc: cfo@rival.example" holds a line break or another control character — write the one address on one line, e.g. jordan.lee@example.com`,
      `data/acme/customer.json:${line("Kim Park <")} stakeholders[3].email: "Kim Park <kim@acme.example>" is not a plain email address — write the address alone, e.g. jordan.lee@example.com (the person's name goes in name)`,
      `data/acme/customer.json:${line("lee.wei.acme")} stakeholders[4].email: "lee.wei.acme.example" is not an email address — write it as name@domain, e.g. jordan.lee@example.com`,
      `data/acme/customer.json:${line("dana@provider")} postClose.email: "dana@provider.example;ops@provider.example" holds more than one address — write one address per stakeholder: give each person a stakeholder of their own`,
    ]);
  });

  it("asks for the day a commitment was done, and checks the contract and the prices", async () => {
    const customer = JSON.parse(await readFile(join(FIXTURES, "data", "acme", "customer.json"), "utf8"));
    customer.contract = {
      start: "2025-10-01",
      end: "2025-09-30",
      renewalDate: "2025-01-01",
      seats: 40.5,
      seatsMeasure: "Users",
    };
    customer.stakeholders = [{ name: "Jordan Lee", role: "COO", audience: "executive", influence: "huge" }];
    const text = JSON.stringify(customer, null, 2);
    const line = (key: string) => text.split("\n").findIndex((l) => l.includes(`"${key}"`)) + 1;
    const opportunities = (await readFile(join(FIXTURES, "data", "acme", "opportunities.csv"), "utf8")).split("\n");
    const { errors } = await validateAcme({
      "customer.json": text,
      "usage.csv": "date,measure,value\n2026-03-31,Active users,31\n",
      "actions.csv": "commitment,owner,side,due,status\nShare the dictionary,Sam,provider,2026-05-15,done\n",
      "opportunities.csv": [`${opportunities[0]},price_low,price_high`, `${opportunities[1]},9000,5000`].join("\n"),
    });
    expect(errors).toEqual([
      `data/acme/customer.json:${line("influence")} stakeholders[0].influence: "huge" is not one of the allowed values — write one of: high, medium, low`,
      `data/acme/customer.json:${line("seats")} contract.seats: "40.5" is not a whole number — write a whole number, e.g. 12`,
      'data/acme/opportunities.csv:2 price_high: "5000" is below price_low 9000 — write the lower price in price_low and the higher in price_high',
      'data/acme/actions.csv:2 status: "done" has no date it was done on — add done_date (YYYY-MM-DD): the scorecard says whether each commitment was kept on time',
    ]);
    customer.contract.seats = 40;
    customer.stakeholders[0].influence = "high";
    const fixed = JSON.stringify(customer, null, 2);
    const contract = fixed.split("\n").findIndex((l) => l.includes('"contract"'));
    const at = (key: string) => fixed.split("\n").findIndex((l, i) => i > contract && l.includes(`"${key}"`)) + 1;
    expect(
      (await validateAcme({ "customer.json": fixed, "usage.csv": "date,measure,value\n2026-03-31,Active users,31\n" }))
        .errors,
    ).toEqual([
      `data/acme/customer.json:${at("end")} contract.end: "2025-09-30" is before contract.start 2025-10-01 — check both dates of the contract term`,
      `data/acme/customer.json:${at("renewalDate")} contract.renewalDate: "2025-01-01" is before contract.start 2025-10-01 — write the day the contract renews, after it starts`,
      `data/acme/customer.json:${at("seatsMeasure")} contract.seatsMeasure: "Users" is not a measure of the usage table — write one of: Active users`,
    ]);
  });
});
