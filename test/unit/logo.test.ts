// SVG logos drawn with this machine's fonts, as a browser draws an image: one whose text runs past its
// viewBox is found, warned of, and published in a box that holds it.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/errors.ts";
import { fitLogo, inkOf, logoIssues, logoOverflow, viewBoxOf } from "../../src/logo.ts";

const DATA = join(import.meta.dirname, "..", "..", "data");
const svg = (text: string, view = "0 0 200 48") =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${view}" width="200" height="48"><rect x="2" y="4" width="30" height="40" fill="#0e6d8c"/><text x="40" y="31" font-family="Inter, sans-serif" font-size="17" font-weight="700">${text}</text></svg>`;

describe("viewBoxOf(svg)", () => {
  it("reads the viewBox, or the width and height without one", () => {
    expect(viewBoxOf(svg("A", "0 0 120 40"))).toEqual({ x: 0, y: 0, width: 120, height: 40 });
    expect(viewBoxOf('<svg xmlns="http://www.w3.org/2000/svg" width="90" height="30"/>')).toEqual({
      x: 0,
      y: 0,
      width: 90,
      height: 30,
    });
    expect(viewBoxOf('<svg xmlns="http://www.w3.org/2000/svg"/>')).toBeNull();
  });
});

describe("logoOverflow(svg)", () => {
  it("finds nothing past the box of a logo whose text fits", async () => {
    expect(await logoOverflow(svg("Acme"))).toBeNull();
  });

  it("finds a long name running past the right edge, and the box that holds it", async () => {
    const over = await logoOverflow(svg("Southern Cross Water Corporation"));
    expect(over?.view).toEqual({ x: 0, y: 0, width: 200, height: 48 });
    expect(over!.fits.x).toBe(0);
    expect(over!.fits.width).toBeGreaterThan(260);
    expect(over!.fits.height).toBe(48);
  });

  it("draws the published logo within its new box", async () => {
    const fitted = await fitLogo(svg("Southern Cross Water Corporation"));
    const view = viewBoxOf(fitted)!;
    expect(await logoOverflow(fitted)).toBeNull();
    const ink = (await inkOf(fitted, view))!;
    expect(ink.x + ink.width).toBeLessThanOrEqual(view.x + view.width);
    // Its height on the page is kept: the width grows in proportion with the box.
    expect(fitted).toContain('height="48"');
    expect(fitted).toContain(`width="${view.width}"`);
  });

  it("leaves a logo that fits byte for byte as it is", async () => {
    expect(await fitLogo(svg("Acme"))).toBe(svg("Acme"));
  });
});

describe("logoIssues(customer, dir, file)", () => {
  it("warns of the sample's logo whose name is cut off, word for word", async () => {
    const issues = await logoIssues(
      { brand: { logo: "logo.svg" } },
      join(DATA, "southern-cross-water"),
      "data/southern-cross-water/customer.json",
    );
    expect(issues.map(formatIssue)).toEqual([
      'data/southern-cross-water/customer.json brand.logo: "logo.svg" draws past its viewBox "0 0 200 48" with this machine\'s fonts (an image gets none of the pages\' fonts, so its text falls back to another), and would be cut off: the pages show it in a box widened to fit — convert the logo\'s text to outlines, or give it the viewBox "0 0 260 48"',
    ]);
  });

  it("finds every other sample logo within its box", async () => {
    for (const slug of ["formosa-health", "harimau-retail", "northwind-logistics", "sakura-seimitsu"]) {
      const customer = JSON.parse(await readFile(join(DATA, slug, "customer.json"), "utf8"));
      expect([slug, await logoIssues(customer, join(DATA, slug), "customer.json")]).toEqual([slug, []]);
    }
  });
});
