import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  customerSections,
  defaultConfig,
  layoutFor,
  loadConfig,
  overrideIssues,
  sectionOrder,
} from "../../src/config.ts";
import type { Customer } from "../../src/schema.ts";
import { statusLike } from "../../templates/lib/contrast.ts";
import { formatIssue } from "../../src/errors.ts";

/** A project folder holding `config` as milepost.config.json and the files named. */
async function project(config: unknown, files: string[] = []) {
  const dir = await mkdtemp(join(tmpdir(), "milepost-config-"));
  const text = typeof config === "string" ? config : JSON.stringify(config, null, 2);
  await writeFile(join(dir, "milepost.config.json"), text);
  for (const f of files) {
    await mkdir(join(dir, f, ".."), { recursive: true });
    await writeFile(join(dir, f), "# Roadmap\n");
  }
  const { config: loaded, issues } = await loadConfig(dir);
  return { config: loaded, errors: issues.map(formatIssue), text, dir };
}

describe("sectionOrder(builtIn, custom, settings)", () => {
  it("puts the ordered sections first, the rest in place, custom ones after theirs, and leaves out the ones off", () => {
    expect(sectionOrder(["a", "b", "c", "d"], [{ id: "x", after: "b" }], { order: ["c"], off: ["d"] })).toEqual([
      "c",
      "a",
      "b",
      "x",
    ]);
  });

  it("keeps a custom section after its section wherever `order` moves that one, unless `order` places it", () => {
    const custom = [{ id: "x", after: "b" }];
    expect(sectionOrder(["a", "b", "c"], custom, { order: ["b"] })).toEqual(["b", "x", "a", "c"]);
    expect(sectionOrder(["a", "b", "c"], custom, { order: ["x", "c"], off: ["b"] })).toEqual(["x", "c", "a"]);
  });
});

describe("statusLike(colour)", () => {
  it("takes a colourful hue near red, amber or green for that status, and no other colour", () => {
    expect(["#c8102e", "#e87722", "#2e8b57", "#0b6e4f"].map(statusLike)).toEqual(["red", "amber", "green", "green"]);
    expect(["#5b2a86", "#1f4e79", "#0f8b8d", "#b83b5e", "#333333", "#f5f7fa"].map(statusLike)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe("loadConfig(dir)", () => {
  it("gives the defaults without a config file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "milepost-config-"));
    const { config, issues } = await loadConfig(dir);
    expect(issues).toEqual([]);
    expect(config).toEqual(defaultConfig(dir));
    expect(config!.sections.qbr[0]).toBe("summary");
    expect(config!.audiences.executive).toEqual(["summary", "commercial", "stakeholders", "actions"]);
    expect(config!.deck).toBe(false);
  });

  it("reads branding, section order, custom sections and audiences", async () => {
    const { config, errors, dir } = await project(
      {
        provider: { name: "Meridian Advisory", logo: "brand/logo.svg", color: "#5b2a86" },
        packs: { qbr: { order: ["summary", "commercial"], off: ["audiences"] }, closeout: { off: ["retrospective"] } },
        sections: [{ id: "roadmap", pack: "qbr", file: "sections/roadmap.mdx", title: "Roadmap", after: "review" }],
        audiences: { finance: ["summary", "commercial", "roadmap"] },
        deck: true,
      },
      ["brand/logo.svg", "sections/roadmap.mdx"],
    );
    expect(errors).toEqual([]);
    expect(config!.deck).toBe(true);
    expect(config!.provider).toEqual({ name: "Meridian Advisory", logo: "brand/logo.svg", color: "#5b2a86" });
    expect(config!.sections.qbr).toEqual([
      "summary",
      "commercial",
      "since",
      "milestones",
      "outcomes",
      "review",
      "roadmap",
      "voice",
      "trend",
      "actions",
      "adoption",
      "support",
      "stakeholders",
      "sources",
    ]);
    expect(config!.sections.closeout).not.toContain("retrospective");
    expect(config!.custom).toEqual([
      { id: "roadmap", pack: "qbr", file: join(dir, "sections/roadmap.mdx"), title: "Roadmap", after: "review" },
    ]);
    expect(config!.audiences.finance).toEqual(["summary", "commercial", "roadmap"]);
    expect(customerSections(config!, "qbr", { off: ["roadmap", "support"] })).not.toContain("roadmap");
  });

  it("names each mistake with its line, the value and what to write", async () => {
    const { errors, text } = await project({
      provider: { name: "Meridian", color: "green", logo: "logo.png" },
      packs: { qbr: { order: ["sumary"] }, closeout: { off: ["agenda", "signof"] } },
      sections: [
        { id: "roadmap", pack: "qbr", file: "roadmap.md", title: "Roadmap", after: "review" },
        { id: "summary", pack: "qbr", file: "missing.mdx", title: "Again", after: "nowhere" },
      ],
      audiences: { users: ["adoption", "handoff"] },
      colour: "#ffffff",
    });
    const lines = text.split("\n");
    const line = (s: string, nth = 0) => lines.findIndex((l) => l.includes(s) && nth-- === 0) + 1;
    const qbr =
      "summary, since, milestones, outcomes, review, voice, trend, actions, commercial, adoption, support, stakeholders, audiences, sources, roadmap";
    expect(errors).toEqual([
      `milepost.config.json:${line('"colour"')} colour: is not a key milepost knows; it is ignored — remove it; the keys here are: provider, packs, sections, audiences, deck, baseUrl, office`,
      `milepost.config.json:${line('"color"')} provider.color: "green" is not a colour — write a colour as #rrggbb, e.g. #1f4e79`,
    ]);
    const fixed = await project(
      {
        provider: { name: "Meridian", logo: "logo.png" },
        packs: { qbr: { order: ["sumary"] }, closeout: { off: ["agenda", "signof"] } },
        sections: [
          { id: "roadmap", pack: "qbr", file: "roadmap.md", title: "Roadmap", after: "review" },
          { id: "summary", pack: "qbr", file: "missing.mdx", title: "Again", after: "nowhere" },
        ],
        audiences: { users: ["adoption", "handoff"] },
      },
      [],
    );
    const l = fixed.text.split("\n");
    const at = (s: string, nth = 0) => l.findIndex((x) => x.includes(s) && nth-- === 0) + 1;
    expect(fixed.config).toBeNull();
    expect(fixed.errors).toEqual([
      `milepost.config.json:${at('"logo"')} provider.logo: "logo.png" is not a file in ${fixed.dir} — put the image there, or give its path from the folder of milepost.config.json`,
      `milepost.config.json:${at('"order"')} packs.qbr.order[0]: "sumary" is not a section of the qbr pack — write one of: ${qbr}`,
      `milepost.config.json:${at('"off"')} packs.closeout.off[1]: "signof" is not a section of the closeout pack — write one of: criteria, tracker, signoff, handoff, retrospective, csat, financials, opportunities, postclose, agenda`,
      `milepost.config.json:${at('"file"')} sections[0].file: "roadmap.md" is not an MDX file — write the section in a .mdx file and name it here`,
      `milepost.config.json:${at('"id"', 1)} sections[1].id: "summary" is already the id of a section — give each custom section an id of its own`,
      `milepost.config.json:${at('"file"', 1)} sections[1].file: "missing.mdx" is not a file — give the MDX file's path from the folder of milepost.config.json`,
      `milepost.config.json:${at('"after"', 1)} sections[1].after: "nowhere" is not a section of the qbr pack — write one of: ${qbr}`,
      `milepost.config.json:${at('"users"')} audiences.users[1]: "handoff" is not a section of the qbr pack — write one of: ${qbr}`,
    ]);
  });

  it("keeps a brand colour that reads as a status colour: it stays off the status marks instead", async () => {
    const { config, errors } = await project({ provider: { name: "Meridian", color: "#c8102e" } });
    expect(errors).toEqual([]);
    expect(config?.provider?.color).toBe("#c8102e");
  });

  it("points at the line of a JSON mistake", async () => {
    const { errors } = await project('{\n  "provider": { "name": "Meridian", }\n}\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^milepost\.config\.json:2 /);
  });
});

describe("a customer's layout (customer.json over milepost.config.json)", () => {
  const customer = (over: Partial<Customer>) => ({ name: "Acme", ...over }) as Customer;
  const withRoadmap = async () =>
    (
      await project(
        {
          packs: { qbr: { order: ["review"], off: ["sources"] } },
          sections: [{ id: "roadmap", pack: "qbr", file: "roadmap.mdx", title: "Roadmap", after: "review" }],
          audiences: { finance: ["summary", "roadmap", "outcomes"] },
        },
        ["roadmap.mdx"],
      )
    ).config!;

  it("applies the customer's order and off over the project's, keeping custom sections after theirs, and gives the audiences asked for their sections in that order", async () => {
    const config = await withRoadmap();
    const layout = layoutFor(
      config,
      customer({
        sections: { qbr: { order: ["summary"], off: ["audiences"] } },
        audiences: { it: ["support", "summary"] },
      }),
      ["finance", "it"],
    );
    expect(layout.sections.qbr).toEqual([
      "summary",
      "review",
      "roadmap",
      "since",
      "milestones",
      "outcomes",
      "voice",
      "trend",
      "actions",
      "commercial",
      "adoption",
      "support",
      "stakeholders",
    ]);
    expect(layout.sections.closeout).toEqual(config.sections.closeout);
    expect(layout.custom).toEqual([{ id: "roadmap", pack: "qbr", title: "Roadmap" }]);
    expect(layout.audiences).toEqual([
      { id: "finance", sections: ["summary", "roadmap", "outcomes"] },
      { id: "it", sections: ["summary", "support"] },
    ]);
    expect(layoutFor(config, customer({ sections: { qbr: { off: ["roadmap"] } } }), []).sections.qbr).not.toContain(
      "roadmap",
    );
  });

  it("names each section id customer.json's overrides do not know, with its line and the ids to write", async () => {
    const config = await withRoadmap();
    const over = {
      sections: { qbr: { off: ["roadmp"] }, closeout: { order: ["tracker", "signof"] } },
      audiences: { users: ["handoff"] },
    };
    const text = JSON.stringify({ name: "Acme", ...over }, null, 2);
    const line = (s: string) => text.split("\n").findIndex((l) => l.includes(s)) + 1;
    const qbr =
      "summary, since, milestones, outcomes, review, voice, trend, actions, commercial, adoption, support, stakeholders, audiences, sources, roadmap";
    expect(overrideIssues(config, customer(over), { text }, "data/acme/customer.json").map(formatIssue)).toEqual([
      `data/acme/customer.json:${line('"off"')} sections.qbr.off[0]: "roadmp" is not a section of the qbr pack — write one of: ${qbr}`,
      `data/acme/customer.json:${line('"order"')} sections.closeout.order[1]: "signof" is not a section of the closeout pack — write one of: criteria, tracker, signoff, handoff, retrospective, csat, financials, opportunities, postclose, agenda`,
      `data/acme/customer.json:${line('"users"')} audiences.users[0]: "handoff" is not a section of the qbr pack — write one of: ${qbr}`,
    ]);
    expect(overrideIssues(config, customer({ sections: { qbr: { off: ["roadmap"] } } }), { text: "{}" }, "x")).toEqual(
      [],
    );
  });
});
