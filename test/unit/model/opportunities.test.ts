import { describe, expect, it } from "vitest";
import { groupByHorizon, triage, triageAll } from "../../../src/model/opportunities.ts";
import { opportunity } from "./factories.ts";

const answers = (risks_current_delivery: boolean, distinct_outcome: boolean, customer_priority: boolean) => ({
  risks_current_delivery,
  distinct_outcome,
  customer_priority,
});

describe("triage(opportunity)", () => {
  it("proposes now: no risk, distinct, a priority", () => {
    expect(triage(answers(false, true, true))).toEqual({ triage: "propose_now", reason: "distinct_priority_safe" });
  });

  it("defers while the current delivery is at risk", () => {
    expect(triage(answers(true, true, true))).toEqual({ triage: "defer", reason: "risks_current_delivery" });
  });

  it("is a change request whenever the outcome is not distinct", () => {
    for (const risks of [true, false]) {
      for (const priority of [true, false]) {
        expect(triage(answers(risks, false, priority))).toEqual({ triage: "change_request", reason: "not_distinct" });
      }
    }
  });

  it("is noise when distinct but not a priority", () => {
    expect(triage(answers(false, true, false))).toEqual({ triage: "noise", reason: "not_priority" });
    expect(triage(answers(true, true, false))).toEqual({ triage: "noise", reason: "not_priority" });
  });
});

describe("triageAll(rows)", () => {
  it("keeps file order and frames each in five lines", () => {
    const [o] = triageAll([
      opportunity({ horizon: "quick_win", effort: "2 weeks", src: { file: "opportunities.csv", line: 2 } }),
    ]);
    expect(o).toEqual({
      id: "O1",
      title: "Automate month-end close",
      signal: "manual_work",
      triage: "propose_now",
      reason: "distinct_priority_safe",
      horizon: "quick_win",
      effort: "2 weeks",
      valueHypothesis: null,
      price: null,
      framing: {
        observation: "Finance rebuilds the close workbook by hand",
        implication: "Three days each month go to copying",
        desiredOutcome: "Close in one day",
        serviceApproach: "Extend the reporting pipeline to the ledger",
        nextStep: "Workshop with the controller",
      },
      source: "opportunities.csv:2",
    });
  });
});

describe("triageAll(rows) prices", () => {
  it("reads a price range, and one end alone as both ends", () => {
    const [both, low, high] = triageAll([
      opportunity({ price_low: 8000, price_high: 12000, value_hypothesis: "Close in one day" }),
      opportunity({ price_low: 5000 }),
      opportunity({ price_high: 9000 }),
    ]);
    expect([both.price, both.valueHypothesis]).toEqual([{ low: 8000, high: 12000 }, "Close in one day"]);
    expect(low.price).toEqual({ low: 5000, high: 5000 });
    expect(high.price).toEqual({ low: 9000, high: 9000 });
  });
});

describe("groupByHorizon(triaged)", () => {
  it("groups every opportunity by triage, and the expansions only by horizon", () => {
    const triaged = triageAll([
      opportunity({ id: "quick", horizon: "quick_win" }),
      opportunity({ id: "later", horizon: "long_term", risks_current_delivery: true }),
      opportunity({ id: "open" }),
      opportunity({ id: "cr", horizon: "quick_win", distinct_outcome: false }),
      opportunity({ id: "noise", horizon: "long_term", customer_priority: false }),
    ]);
    expect(groupByHorizon(triaged)).toEqual({
      byTriage: { propose_now: ["quick", "open"], defer: ["later"], change_request: ["cr"], noise: ["noise"] },
      quickWins: ["quick"],
      longTerm: ["later"],
      unplanned: ["open"],
    });
  });
});
