// The document registry (src/documents.ts) holds together: every section it names exists, has its component and
// its labels in every language, and every page and print document has its template.
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  draftPack,
  PACK_DEFS,
  PACKS,
  pagesOf,
  pdfOrigin,
  PRINT_DEFS,
  printDocsFor,
  printDocsOf,
  SECTIONS,
  type Pack,
  type SectionId,
} from "../../../src/documents.ts";
import { HANDOFF_PARTS } from "../../../src/model/handoff.ts";
import type { SiteCustomer } from "../../../src/site-customer.ts";
import { dictionaries, LANGS } from "../../../templates/i18n/index.ts";

const TEMPLATES = join(import.meta.dirname, "..", "..", "..", "templates");
const packs = PACKS.map((p) => PACK_DEFS[p]);
const pages = packs.flatMap((p) => p.pages);
const prints = packs.flatMap((p) => p.print);

describe("the document registry", () => {
  it("names only sections it defines, each with its component in its pack's folder", () => {
    for (const pack of packs)
      for (const doc of [...pack.pages, ...pack.print])
        for (const id of doc.sections) {
          expect(Object.keys(SECTIONS), `${doc.file} lists ${id}`).toContain(id);
          expect(SECTIONS[id as SectionId].component.startsWith(`${pack.id}/`), id).toBe(true);
        }
    for (const s of Object.values(SECTIONS))
      expect(existsSync(join(TEMPLATES, "sections", `${s.component}.astro`)), s.component).toBe(true);
  });

  it("gives every page and print document a file name of its own, and every pack its route and section folder", () => {
    const files = [...pages, ...prints].map((d) => d.file);
    expect(new Set(files).size).toBe(files.length);
    expect(Object.keys(PRINT_DEFS)).toEqual(prints.map((d) => d.id));
    for (const pack of PACKS) {
      expect(existsSync(join(TEMPLATES, "pages", "[slug]", `[${pack}].astro`)), pack).toBe(true);
      expect(existsSync(join(TEMPLATES, "sections", pack, "index.ts")), pack).toBe(true);
    }
  });

  it("has every label it names in every language", () => {
    const keys = [
      ...packs.map((p) => p.title),
      ...pages.flatMap((p) => [p.nav, p.title]),
      ...prints.map((d) => d.title),
      ...Object.values(SECTIONS).flatMap((s) => [s.title, ...(s.missing ? [s.missing] : [])]),
      ...HANDOFF_PARTS.map((p) => `handoff.${p}`),
      "handoff.overview",
    ];
    for (const lang of LANGS) {
      const labels: Record<string, string> = dictionaries[lang];
      for (const key of keys) expect(labels[key], `${lang} ${key}`).toBeTypeOf("string");
    }
  });

  it("orders a customer's pages and print documents by pack, leaving out a page its data does not fill", () => {
    const customer = (packs: Pack[], audiences: number) =>
      ({
        packs,
        report: { copy: "internal", milestones: [{}], audiences: Array(audiences).fill({}) },
      }) as unknown as SiteCustomer;
    expect(pagesOf(customer(["qbr", "closeout"], 1)).map((p) => p.file)).toEqual([
      "index.html",
      "milestones.html",
      "review.html",
      "audiences.html",
      "closeout.html",
      "closeout-tracker.html",
      "handoff.html",
      "retrospective.html",
      "next-steps.html",
    ]);
    expect(pagesOf(customer(["qbr"], 0)).map((p) => p.file)).toEqual(["index.html", "milestones.html", "review.html"]);
    expect(printDocsOf(["closeout", "qbr"]).map((d) => d.pdf("acme", "2026-Q3"))).toEqual([
      "acme-qbr-2026-Q3.pdf",
      "acme-closeout-2026-Q3.pdf",
      "acme-handoff.pdf",
    ]);
  });
});

describe("pagesOf(c): a page named after its lead section", () => {
  const customer = (present: string[], copy: "customer" | "internal") =>
    ({
      packs: ["closeout"],
      data: { present },
      report: {
        copy,
        milestones: [],
        audiences: [],
        opportunities: [],
        closeout: {},
        csat: {},
        financials: null,
        handoff: null,
        postClose: null,
        signoff: null,
        closingAgenda: null,
        goalOutcomes: null,
      },
    }) as unknown as SiteCustomer;
  const retro = (c: SiteCustomer) => pagesOf(c).find((p) => p.file === "retrospective.html")!;

  it("is named after the survey when the customer's retrospective holds only the survey", () => {
    expect(retro(customer(["deliverables", "csat"], "customer"))).toMatchObject({
      nav: "csat.title",
      title: "csat.title",
    });
  });

  it("keeps its name with a retrospective table, and in the internal copy (which says what to add)", () => {
    const kept = { nav: "nav.retrospective", title: "retro.title" };
    expect(retro(customer(["deliverables", "csat", "retrospective"], "customer"))).toMatchObject(kept);
    expect(retro(customer(["deliverables", "csat"], "internal"))).toMatchObject(kept);
  });
});

describe("a customer's layout (milepost.config.json) in the registry", () => {
  const qbr = ["review", "roadmap", "summary", "milestones", "outcomes", "audiences"];
  const customer = {
    slug: "acme",
    packs: ["qbr", "closeout"],
    data: { present: [] },
    report: { metrics: [{}], milestones: [{}], audiences: [{}], closeout: {}, handoff: {} },
    layout: {
      sections: { qbr, closeout: ["criteria", "tracker", "csat"] },
      custom: [{ id: "roadmap", pack: "qbr", title: "Roadmap" }],
      audiences: [{ id: "finance", sections: ["roadmap", "summary", "outcomes"] }],
    },
  } as unknown as SiteCustomer;

  it("leaves out the pages whose sections are all off, orders each page's sections, and puts a custom section on the page of the section before it", () => {
    expect(pagesOf(customer).map((p) => [p.file, p.sections])).toEqual([
      // Page one's brief opens whatever the layout (and the internal copy's notes close).
      ["index.html", ["brief", "summary", "outcomes"]],
      ["milestones.html", ["milestones", "outcomes"]],
      ["review.html", ["review", "roadmap"]],
      ["audiences.html", ["audiences"]],
      ["closeout.html", ["co-brief", "criteria"]],
      ["closeout-tracker.html", ["tracker"]],
      ["retrospective.html", ["csat"]],
    ]);
  });

  it("closes the internal copy's pages and documents with its notes, whatever the layout", () => {
    const internal = { ...customer, report: { ...customer.report, copy: "internal" } } as unknown as SiteCustomer;
    expect(pagesOf(internal).find((p) => p.file === "index.html")!.sections).toEqual([
      "brief",
      "summary",
      "outcomes",
      "notes",
      "gaps",
    ]);
    expect(printDocsFor(internal).map((d) => d.sections.at(-1))).toEqual(["gaps", "outcomes", "co-gaps"]);
  });

  it("prints each pack's document in the layout's order, the handoff only when its section is on, and after the QBR each audience's short PDF", () => {
    const docs = printDocsFor(customer);
    expect(docs.map((d) => [d.file, d.pdf("acme", "2026-Q3"), d.sections, d.audience])).toEqual([
      ["print-qbr.html", "acme-qbr-2026-Q3.pdf", ["brief", ...qbr], undefined],
      ["print-qbr-finance.html", "acme-qbr-finance-2026-Q3.pdf", ["roadmap", "summary", "outcomes"], "finance"],
      ["print-closeout.html", "acme-closeout-2026-Q3.pdf", ["co-brief", "criteria", "tracker", "csat"], undefined],
    ]);
  });
});

describe("the titles of an audience's PDF", () => {
  it("name the audience after the pack, on the cover and in the site's list of other periods", async () => {
    const { earlierTitle, printTitle } = await import("../../../templates/lib/documents.ts");
    const { translator } = await import("../../../templates/i18n/index.ts");
    const t = translator("en-US");
    const finance = printDocsFor({
      slug: "acme",
      packs: ["qbr"],
      layout: {
        sections: { qbr: ["summary"], closeout: [] },
        custom: [],
        audiences: [{ id: "finance", sections: [] }],
      },
    } as unknown as SiteCustomer)[1];
    expect(printTitle(t, finance)).toBe("Quarterly Business Review — Finance");
    expect(printTitle(translator("ja-JP"), finance)).toBe("四半期ビジネスレビュー — 財務・経理");
    expect(earlierTitle(t, "acme-qbr-users-2026-Q2.pdf")).toBe("Quarterly Business Review — Day-to-day users");
    expect(earlierTitle(t, "acme-qbr-2026-Q2.pdf")).toBe("Quarterly Business Review");
    expect(earlierTitle(t, "acme-qbr-deck-2026-Q2.pdf")).toBe("Quarterly Business Review — Presentation");
    expect(earlierTitle(t, "acme-closeout-2026-Q2.pdf")).toBe(t("pack.closeout"));
    expect(earlierTitle(t, "acme-kickoff-2026-Q3.pdf")).toBe("Kickoff Success Plan");
  });
});

describe("pdfOrigin(name)", () => {
  it("finds the print document a PDF's name comes from, the audience of a short PDF and its rank in the registry", () => {
    const origin = (name: string) => {
      const found = pdfOrigin(name);
      return found && [found.doc.id, found.audience, found.rank];
    };
    expect(origin("acme-qbr-2026-Q3.pdf")).toEqual(["qbr", null, 0]);
    expect(origin("acme-qbr-finance-2026-Q3-internal.pdf")).toEqual(["qbr", "finance", 0]);
    expect(origin("acme-kickoff-2026-10-20.pdf")).toEqual(["kickoff", null, 1]);
    expect(origin("acme-closeout-2026-09-14.pdf")).toEqual(["closeout", null, 2]);
    expect(origin("acme-handoff-internal.pdf")).toEqual(["handoff", null, 3]);
    expect(origin("notes.pdf")).toBeNull();
  });
});

describe("draftPack(engagement, asOf)", () => {
  it("drafts the close-out once the engagement has ended, the QBR before", () => {
    expect(draftPack({ end: "2026-08-31" }, "2026-09-30").id).toBe("closeout");
    expect(draftPack({ end: "2026-12-31" }, "2026-09-30").id).toBe("qbr");
    expect(draftPack({ end: null }, "2026-09-30").draft.subject).toBe("email.subject.qbr");
  });
});

describe("documentPaths(pack)", () => {
  /** A customer whose data fills no optional section: no metrics, audiences, goals, close-out tables. */
  const empty = (slug: string, packs: Pack[], copy = "internal") => ({
    slug,
    packs,
    label: "2026-Q3",
    data: { present: [], handoff: undefined },
    report: {
      copy,
      metrics: [],
      milestones: [],
      audiences: [],
      goalOutcomes: null,
      closeout: null,
      handoff: null,
      csat: null,
      financials: null,
      opportunities: [],
      closingAgenda: null,
    },
  });
  const paths = async (pack: Pack, copy = "internal") => {
    const dir = await mkdtemp(join(tmpdir(), "milepost-docs-"));
    const file = join(dir, "site.json");
    await writeFile(
      file,
      JSON.stringify({ customers: [empty("both", ["qbr", "closeout"], copy), empty("co", ["closeout"], copy)] }),
    );
    vi.stubEnv("MILEPOST_SITE", file);
    const { documentPaths } = await import("../../../templates/lib/documents.ts");
    return documentPaths(pack).map(({ params, props: { doc } }) => ({
      path: `${params.slug}/${(params as Record<string, string>)[pack]}`,
      sections: doc.sections.map((s) => s.id),
      missing: doc.missing,
    }));
  };
  afterEach(() => void vi.unstubAllEnvs());

  it("renders each page's sections the data fills, notes the tables that would fill the others, and lands a close-out-only customer on the close-out", async () => {
    expect(await paths("qbr")).toEqual([
      { path: "both/index", sections: ["brief", "summary", "outcomes"], missing: [] },
      { path: "both/milestones", sections: ["milestones", "outcomes"], missing: [] },
      { path: "both/review", sections: ["review"], missing: [] },
      { path: "both/print-qbr", sections: ["brief", "summary", "review", "sources"], missing: [] },
    ]);
    const closeout = await paths("closeout");
    expect(closeout.filter((p) => p.path.startsWith("co/")).map((p) => p.path)).toEqual([
      "co/index",
      "co/closeout",
      "co/closeout-tracker",
      "co/handoff",
      "co/retrospective",
      "co/next-steps",
      "co/print-closeout",
      "co/print-handoff",
    ]);
    expect(closeout.find((p) => p.path === "co/retrospective")).toEqual({
      path: "co/retrospective",
      sections: [],
      missing: ["missing.retrospective", "missing.csat", "missing.financials"],
    });
    expect(closeout.find((p) => p.path === "co/index")!.sections).toEqual(["co-brief", "criteria"]);
    expect(closeout.find((p) => p.path === "co/print-closeout")!.sections).toEqual(["co-brief"]);
    expect(closeout.find((p) => p.path === "co/print-handoff")!.sections).toEqual(["handoff"]);
  });

  it("notes the tables to add on the internal copy's pages only: they are for the CSM", async () => {
    vi.resetModules();
    const customer = await paths("closeout", "customer");
    expect(customer.every((p) => p.missing.length === 0)).toBe(true);
  });

  it("leaves out of the customer's copy every section, page and PDF its data does not fill", async () => {
    vi.resetModules();
    expect(await paths("qbr", "customer")).toEqual([
      { path: "both/index", sections: ["brief", "summary"], missing: [] },
      { path: "both/review", sections: ["review"], missing: [] },
      { path: "both/print-qbr", sections: ["brief", "summary", "review", "sources"], missing: [] },
    ]);
    const closeout = await paths("closeout", "customer");
    expect(closeout.filter((p) => p.path.startsWith("co/")).map((p) => [p.path, p.sections])).toEqual([
      ["co/index", ["co-brief"]],
      ["co/closeout", ["co-brief"]],
      ["co/print-closeout", ["co-brief"]],
    ]);
  });
});
