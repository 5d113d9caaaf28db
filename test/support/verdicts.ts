// The consistency oracle of issue 20: every verdict a report or a page states about one item, gathered as
// claims; one item with two verdicts is a contradiction. The same oracle reads report.json (the ledger and every
// section that restates a verdict) and the built pages (their data-verdict marks).
import type { CopyReport, Report } from "../../src/model/contract.ts";
import { decisionKey, itemOf, metricTargetVerdict, milestoneVerdict } from "../../src/model/verdicts.ts";
import { decode } from "./files.ts";

/** One verdict stated somewhere: the item, the verdict, and where it was stated. */
export interface Claim {
  item: string;
  verdict: string;
  where: string;
}

/** Items stated with more than one verdict, each with every claim about it. */
export function contradictions(claims: readonly Claim[]): { item: string; claims: Claim[] }[] {
  const byItem = new Map<string, Claim[]>();
  for (const c of claims) byItem.set(c.item, [...(byItem.get(c.item) ?? []), c]);
  return [...byItem]
    .filter(([, cs]) => new Set(cs.map((c) => c.verdict)).size > 1)
    .map(([item, cs]) => ({ item, claims: cs }));
}

/**
 * Every verdict report.json states: the ledger, and each section that restates one — the metrics' forecasts, the
 * milestones, the QBR's risks and plan, the brief's decisions, health's counts, the goal outcomes, the closing
 * agenda, the survey and the audience views.
 */
export function reportClaims(r: Report): Claim[] {
  const out: Claim[] = r.verdicts.map((v) => ({ item: v.item, verdict: v.verdict, where: "verdicts" }));
  const add = (item: string, verdict: string, where: string) => out.push({ item, verdict, where });
  const ledger = new Map(r.verdicts.map((v) => [v.item, v.verdict]));

  r.metrics.forEach((m, i) => add(`target:${m.id}`, metricTargetVerdict(m).verdict, `metrics.${i}.forecast`));
  r.milestones.forEach((m, i) => add(`milestone:${m.id}`, milestoneVerdict(m).verdict, `milestones.${i}`));

  r.qbr?.risks.forEach((risk, i) => {
    if (risk.kind === "milestone") add(`milestone:${risk.id}`, "delayed", `qbr.risks.${i}`);
    else if (risk.status === "missed") add(`target:${risk.id}`, "missed", `qbr.risks.${i}`);
    else add(`forecast:${risk.id}`, risk.status, `qbr.risks.${i}`);
  });
  // "Next quarter" is plan: what it names is neither achieved nor overdue, and falls after the as-of date.
  for (const [list, where] of [
    [r.qbr?.nextQuarter ?? [], "qbr.nextQuarter"],
    [r.brief.plan.milestones, "brief.plan.milestones"],
  ] as const)
    for (const id of list) {
      const m = r.milestones.find((x) => x.id === id)!;
      const due = m.revisedTargetDate ?? m.targetDate;
      add(
        `plan:${id}`,
        due > r.asOf && m.status !== "achieved" ? "ahead" : `not plan (${m.status}, due ${due})`,
        where,
      );
      add(`plan:${id}`, "ahead", "rule");
    }
  r.brief.decisions.forEach((d, i) => {
    const where = `brief.decisions.${i}`;
    if (d.kind === "metric" && d.recommend === "reset_target") add(`target:${d.id}`, "missed", where);
    if (d.kind === "metric" && d.recommend === "accept_forecast") add(`forecast:${d.id}`, "behind", where);
    if (d.kind === "milestone") add(`milestone:${d.id}`, "delayed", where);
    if ("date" in d && d.date !== null)
      add(`decision:${i}`, d.by <= d.date ? "before its date" : "after its date", where);
    add(`decision:${decisionKey(d)}`, d.by <= r.asOf ? "due" : "open", where);
    add(`decide-by:${decisionKey(d)}`, d.by, where);
    if (i > 0) add(`decision-order:${i}`, r.brief.decisions[i - 1].by <= d.by ? "ordered" : "out of order", where);
  });
  for (const item of out.filter((c) => /^decision(-order)?:\d+$/.test(c.item)).map((c) => c.item))
    add(item, item.startsWith("decision-order") ? "ordered" : "before its date", "rule");

  // Health counts what the ledger judges: each due target met or missed, each due milestone achieved or not.
  const due = r.metrics.filter((m) => m.forecast.dueDate <= r.asOf);
  add("count:due-targets-missed", String(r.health.metricsMissed), "health.metricsMissed");
  add(
    "count:due-targets-missed",
    String(due.filter((m) => ledger.get(`target:${m.id}`) === "missed").length),
    "verdicts",
  );
  add("count:due-targets", String(r.health.dueMetrics), "health.dueMetrics");
  add("count:due-targets", String(due.length), "metrics.forecast.dueDate");

  // The month, the celebrations and the case-study draft name milestones achieved, or due and not achieved.
  const achieved = (id: string, where: string) => {
    const m = r.milestones.find((x) => x.id === id)!;
    add(`milestone:${id}`, m.late ? "achieved_late" : "achieved", where);
  };
  r.monthly.reached.forEach((id) => achieved(id, "monthly.reached"));
  for (const id of r.monthly.slipped) {
    const m = r.milestones.find((x) => x.id === id)!;
    if (m.targetDate <= r.asOf) add(`milestone:${id}`, "delayed", "monthly.slipped");
  }
  r.celebrations.items.forEach((c) => achieved(c.milestone, "celebrations.items"));
  r.celebrations.waiting.forEach((id) => achieved(id, "celebrations.waiting"));
  const draft = (r as Partial<CopyReport>).internal?.caseStudy;
  draft?.achieved.forEach((id) => achieved(id, "internal.caseStudy.achieved"));

  if (r.goalOutcomes) {
    const on = r.goalOutcomes.closeDate;
    r.goalOutcomes.goals.forEach((g, gi) => {
      add(`goal:${g.id}`, g.verdict, `goalOutcomes.goals.${gi}`);
      g.metrics.forEach((gm, mi) =>
        add(itemOf("target", gm.id, on, r.asOf), gm.target, `goalOutcomes.goals.${gi}.metrics.${mi}`),
      );
    });
    for (const t of r.closingAgenda?.topics ?? [])
      if (t.topic === "outcomes")
        for (const g of t.goals)
          add(itemOf("goal", g.id, r.closingAgenda!.meetingDate, r.asOf), g.verdict, "closingAgenda");
  }
  if (r.csat && ledger.has("survey") && (r.csat.sentDate !== null || r.csat.responses > 0))
    add("survey", r.csat.late ? "late" : "on_time", "csat.late");
  r.audiences.forEach((a, ai) =>
    a.milestones.forEach((id) => {
      const m = r.milestones.find((x) => x.id === id);
      if (m) add(`milestone:${id}`, milestoneVerdict(m).verdict, `audiences.${ai}`);
    }),
  );
  return out;
}

/** Every data-verdict="item:verdict" mark of an HTML page, in page order. */
export function pageClaims(html: string, where: string): Claim[] {
  return [...html.matchAll(/\sdata-verdict="([^"]+)"/g)].map(([, mark]) => {
    const text = decode(mark);
    const cut = text.lastIndexOf(":");
    return { item: text.slice(0, cut), verdict: text.slice(cut + 1), where };
  });
}
