// The slide registry (src/slides.ts) holds together: one entry per kind of slide the model makes, each with its
// component in templates/slides/ and its title in every language; the deck's PDF is named as the packs' are.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SLIDE_KINDS } from "../../../src/model/deck.ts";
import { deckPdf, SLIDES } from "../../../src/slides.ts";
import type { CopyReport } from "../../../src/model/copy.ts";
import { dictionaries } from "../../../templates/i18n/index.ts";

const SLIDE_DIR = join(import.meta.dirname, "..", "..", "..", "templates", "slides");

describe("the slide registry", () => {
  it("has one entry per kind of slide, in deck order, each with its component and no component without an entry", () => {
    expect(Object.keys(SLIDES)).toEqual([...SLIDE_KINDS]);
    for (const kind of SLIDE_KINDS)
      expect(existsSync(join(SLIDE_DIR, `${SLIDES[kind].component}.astro`)), kind).toBe(true);
    const components = readdirSync(SLIDE_DIR)
      .filter((f) => f.endsWith(".astro"))
      .map((f) => f.slice(0, -".astro".length));
    expect(components.toSorted()).toEqual(
      Object.values(SLIDES)
        .map((s) => s.component)
        .toSorted(),
    );
  });

  it("titles every slide, and words the deck's own labels, in every language", () => {
    for (const [lang, labels] of Object.entries(dictionaries)) {
      for (const kind of SLIDE_KINDS) expect(labels[SLIDES[kind].title], `${lang} ${kind}`).toBeTruthy();
      for (const key of ["deck.agenda", "deck.name", "deck.continued", "deck.present", "deck.help"] as const)
        expect(labels[key], `${lang} ${key}`).toBeTruthy();
    }
  });

  it("names the deck's PDF after the QBR's, the internal copy's marked", () => {
    const c = (copy: "customer" | "internal") => ({ slug: "acme", label: "2026-Q3", report: { copy } as CopyReport });
    expect(deckPdf(c("customer"))).toBe("acme-qbr-deck-2026-Q3.pdf");
    expect(deckPdf(c("internal"))).toBe("acme-qbr-deck-2026-Q3-internal.pdf");
  });
});
