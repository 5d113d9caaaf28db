import { describe, expect, it } from "vitest";
import { handoffParts, summarizeHandoff } from "../../../src/model/handoff.ts";
import type { Handoff, Training } from "../../../src/schema.ts";

const training = (attendees: number | undefined, line: number): Training => ({
  date: "2026-07-01",
  title: "Admin",
  attendees,
  src: { file: "training.csv", line },
});

describe("summarizeHandoff(handoff, training, trainingPresent)", () => {
  const handoff: Handoff = {
    systems: [{ name: "Reports", owner: "Kim" }, { name: "Dashboard", owner: " " }, { name: "Export" }],
    documentation: [{ title: "Runbook", url: "https://wiki.example/runbook" }],
    support: {
      contacts: [
        { tier: "1", name: "Help desk" },
        { tier: "2", name: "Vendor" },
      ],
      escalation: ["Help desk", "IT lead"],
      sla: "1 hour",
    },
    access: [{ system: "Admin", granted_to: "Kim" }],
    known_issues: [{ title: "Slow on Mondays", workaround: "Open after 10:00" }, { title: "Refresh fails" }],
  };

  it("counts systems and owners, documents, contacts, escalation, access, known issues and workarounds", () => {
    expect(summarizeHandoff(handoff, [], false)).toEqual({
      systems: 3,
      systemsOwned: 1,
      documents: 1,
      supportContacts: 2,
      escalationSteps: 2,
      accessGrants: 1,
      knownIssues: 2,
      knownIssuesWithWorkaround: 1,
      training: { sessions: 0, attendees: null, sources: [] },
    });
  });

  it("adds up the attendees the sessions give", () => {
    const s = summarizeHandoff(null, [training(6, 2), training(undefined, 3), training(3, 4)], true)!;
    expect(s.training).toEqual({
      sessions: 3,
      attendees: 9,
      sources: ["training.csv:2", "training.csv:3", "training.csv:4"],
    });
    expect(s.systems).toBe(0);
  });

  it("is null without handoff.json and training", () => {
    expect(summarizeHandoff(null, [], false)).toBeNull();
  });
});

describe("handoffParts(handoff, trainingPresent)", () => {
  const empty: Handoff = { systems: [], documentation: [], access: [], known_issues: [] };

  it("lists the parts the data fills, in the document's order", () => {
    expect(
      handoffParts(
        {
          ...empty,
          systems: [{ name: "Reports" }],
          known_issues: [{ title: "Refresh fails" }],
          support: { contacts: [], escalation: [] },
        },
        true,
      ),
    ).toEqual(["built", "support", "issues", "training"]);
    expect(
      handoffParts(
        {
          ...empty,
          documentation: [{ title: "Runbook", url: "https://wiki.example/runbook" }],
          access: [{ system: "Admin", granted_to: "Kim" }],
        },
        false,
      ),
    ).toEqual(["docs", "access"]);
  });

  it("is empty for empty lists and no training table, and names training alone without handoff.json", () => {
    expect(handoffParts(empty, false)).toEqual([]);
    expect(handoffParts(null, true)).toEqual(["training"]);
  });
});
