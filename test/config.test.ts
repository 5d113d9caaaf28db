import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { customerSections, defaultConfig, loadConfig, sectionOrder } from "../src/config.ts";
import { formatIssue } from "../src/errors.ts";

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
});

describe("loadConfig(dir)", () => {
  it("gives the defaults without a config file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "milepost-config-"));
    const { config, issues } = await loadConfig(dir);
    expect(issues).toEqual([]);
    expect(config).toEqual(defaultConfig(dir));
    expect(config!.sections.qbr[0]).toBe("summary");
    expect(config!.audiences.executive).toEqual(["summary", "commercial", "stakeholders", "actions"]);
  });

  it("reads branding, section order, custom sections and audiences", async () => {
    const { config, errors, dir } = await project(
      {
        provider: { name: "Meridian Advisory", logo: "brand/logo.svg", color: "#0b6e4f" },
        packs: { qbr: { order: ["summary", "commercial"], off: ["audiences"] }, closeout: { off: ["retrospective"] } },
        sections: [{ id: "roadmap", pack: "qbr", file: "sections/roadmap.mdx", title: "Roadmap", after: "review" }],
        audiences: { finance: ["summary", "commercial", "roadmap"] },
      },
      ["brand/logo.svg", "sections/roadmap.mdx"],
    );
    expect(errors).toEqual([]);
    expect(config!.provider).toEqual({ name: "Meridian Advisory", logo: "brand/logo.svg", color: "#0b6e4f" });
    expect(config!.sections.qbr).toEqual([
      "summary",
      "commercial",
      "milestones",
      "outcomes",
      "review",
      "roadmap",
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
      "summary, milestones, outcomes, review, trend, actions, commercial, adoption, support, stakeholders, audiences, sources, roadmap";
    expect(errors).toEqual([
      `milepost.config.json:${line('"colour"')} colour: is not a key milepost knows; it is ignored — remove it; the keys here are: provider, packs, sections, audiences`,
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

  it("points at the line of a JSON mistake", async () => {
    const { errors } = await project('{\n  "provider": { "name": "Meridian", }\n}\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^milepost\.config\.json:2 /);
  });
});
