// Row factories for the value model's tests: valid rows with sensible defaults, overridden per test.
import type {
  CloseoutItem,
  Cost,
  CsatResponse,
  Customer,
  CustomerData,
  Deliverable,
  Financial,
  Measurement,
  Metric,
  Milestone,
  Opportunity,
} from "../../../src/schema.ts";

/** Every row defaults to line 2 of its file (the first after the header); tests that check sources set `src`. */
const src = (file: string) => ({ file, line: 2 });

/** The seed's example: hours of manual reporting a week, 15 → 2. */
export function metric(over: Partial<Metric> = {}): Metric {
  return {
    id: "M1",
    name: "Manual reporting time",
    category: "time",
    unit: "hours/week",
    direction: "down",
    baseline: 15,
    baseline_date: "2026-01-01",
    target: 2,
    target_date: "2026-12-31",
    src: src("metrics.csv"),
    ...over,
  };
}

/** A measurement of M1. */
export function measurement(date: string, value: number, over: Partial<Measurement> = {}): Measurement {
  return { metric_id: "M1", date, value, src: src("measurements.csv"), ...over };
}

/** A milestone tracking M1. */
export function milestone(over: Partial<Milestone> = {}): Milestone {
  return {
    id: "MS1",
    name: "Reporting automated",
    phase: "early_win",
    target_date: "2026-06-30",
    src: src("milestones.csv"),
    ...over,
  };
}

/** A recurring monthly cost unless overridden. */
export function cost(over: Partial<Cost> = {}): Cost {
  return { item: "Licence", amount: 1000, per: "month", start: "2026-01-01", ...over };
}

export function deliverable(over: Partial<Deliverable> = {}): Deliverable {
  return {
    id: "D1",
    name: "Dashboard",
    due_date: "2026-06-01",
    status: "planned",
    src: src("deliverables.csv"),
    ...over,
  };
}

export function closeoutItem(over: Partial<CloseoutItem> = {}): CloseoutItem {
  return { phase: "delivery", item: "Sign-off meeting", src: src("closeout.csv"), ...over };
}

export function csat(date: string, score: number, scale: 5 | 10 = 5, over: Partial<CsatResponse> = {}): CsatResponse {
  return { respondent: "Ana", date, score, scale, src: src("csat.csv"), ...over };
}

export function opportunity(over: Partial<Opportunity> = {}): Opportunity {
  return {
    id: "O1",
    title: "Automate month-end close",
    signal: "manual_work",
    observation: "Finance rebuilds the close workbook by hand",
    implication: "Three days each month go to copying",
    desired_outcome: "Close in one day",
    service_approach: "Extend the reporting pipeline to the ledger",
    next_step: "Workshop with the controller",
    risks_current_delivery: false,
    distinct_outcome: true,
    customer_priority: true,
    src: src("opportunities.csv"),
    ...over,
  };
}

export function financial(over: Partial<Financial> = {}): Financial {
  return { item: "Implementation", budget: 10000, actual: 11000, src: src("financials.csv"), ...over };
}

export function customer(over: Partial<Customer> = {}): Customer {
  return {
    name: "Acme Corp",
    locale: "en-US",
    currency: "USD",
    engagement: { name: "Reporting rollout", start: "2026-01-01", closeoutDays: 30 },
    costs: [],
    stakeholders: [],
    goals: [],
    ...over,
  };
}

/** A customer's data with every table empty and absent unless given. */
export function customerData(over: Partial<CustomerData> = {}): CustomerData {
  return {
    slug: "acme",
    customer: customer(),
    metrics: [],
    measurements: [],
    milestones: [],
    deliverables: [],
    closeout: [],
    training: [],
    retrospective: [],
    csat: [],
    opportunities: [],
    usage: [],
    support: [],
    actions: [],
    health: [],
    financials: [],
    handoff: null,
    present: [],
    ...over,
  };
}
