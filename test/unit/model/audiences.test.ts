import { describe, expect, it } from "vitest";
import { audienceViews, type AudienceInput } from "../../../src/model/audiences.ts";

const input = (over: Partial<AudienceInput> = {}): AudienceInput => ({
  stakeholders: [
    { name: "Jordan", role: "CEO", audience: "executive" },
    { name: "Sam", role: "CFO", audience: "finance" },
    { name: "Riley", role: "Head of IT", audience: "it" },
    { name: "Morgan", role: "Analyst", audience: "user" },
    { name: "Ana", role: "Analyst", audience: "user" },
  ],
  goals: [
    { id: "g1", level: "strategic", metrics: ["accuracy"] },
    { id: "g2", level: "tactical", metrics: ["hours"] },
    { id: "g3", level: "operational", metrics: [] },
  ],
  metrics: [
    { id: "hours", category: "time", monetized: true },
    { id: "accuracy", category: "quality", monetized: false },
    { id: "users", category: "adoption", monetized: false },
    { id: "spend", category: "cost", monetized: false },
  ],
  milestones: [
    { id: "first", phase: "early_win", metricId: null },
    { id: "feed", phase: "foundation", metricId: null },
    { id: "half", phase: "growth", metricId: "hours" },
    { id: "board", phase: "strategic", metricId: "accuracy" },
  ],
  ...over,
});

describe("audienceViews(input)", () => {
  const views = audienceViews(input());
  const view = (audience: string) => views.find((v) => v.audience === audience)!;

  it("gives one view per audience with a stakeholder, executive first, users last", () => {
    expect(views.map((v) => [v.audience, v.stakeholders.map((s) => s.name)])).toEqual([
      ["executive", ["Jordan"]],
      ["finance", ["Sam"]],
      ["it", ["Riley"]],
      ["user", ["Morgan", "Ana"]],
    ]);
    expect(views[0].stakeholders[0]).toEqual({ name: "Jordan", role: "CEO" });
  });

  it("shows the executive the strategic goals, their metrics and the late phases", () => {
    expect(view("executive")).toMatchObject({ metrics: ["accuracy"], milestones: ["board"], goals: ["g1"] });
  });

  it("shows the executive every metric when no strategic goal names a known one", () => {
    const noGoals = audienceViews(input({ goals: [{ id: "g9", level: "strategic", metrics: ["gone"] }] }));
    expect(noGoals[0].metrics).toEqual(["hours", "accuracy", "users", "spend"]);
  });

  it("shows finance the monetized, cost and revenue metrics and their milestones", () => {
    expect(view("finance")).toMatchObject({ metrics: ["hours", "spend"], milestones: ["half"], goals: ["g2"] });
  });

  it("shows IT quality and adoption, and the foundation milestones", () => {
    expect(view("it")).toMatchObject({ metrics: ["accuracy", "users"], milestones: ["feed", "board"], goals: ["g1"] });
  });

  it("shows users time saved and adoption, the early wins and growth milestones, and operational goals", () => {
    expect(view("user")).toMatchObject({
      metrics: ["hours", "users"],
      milestones: ["first", "half"],
      goals: ["g2", "g3"],
    });
  });

  it("is empty without stakeholders", () => {
    expect(audienceViews(input({ stakeholders: [] }))).toEqual([]);
  });
});
