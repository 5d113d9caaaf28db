import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/errors.ts";
import { evidenceProblem, inertBytes, logoProblem, sanitizeSvg } from "../../src/inert.ts";
import { loadCustomer } from "../../src/load.ts";
import { validateCustomer } from "../../src/validate.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

describe("evidenceProblem(path) and logoProblem(path)", () => {
  it("allows images and PDFs under evidence/ only", () => {
    for (const ok of [
      "evidence/a.png",
      "evidence/b.JPG",
      "evidence/c.jpeg",
      "evidence/d.webp",
      "evidence/e.gif",
      "evidence/f.svg",
      "./evidence/g.pdf",
    ])
      expect(evidenceProblem(ok), ok).toBeNull();
    expect(evidenceProblem("customer.json")?.code).toBe("evidence-outside-folder");
    expect(evidenceProblem("evidence/report.html")?.problem).toBe(
      "is a .html file, which a browser would open as an active page",
    );
    expect(evidenceProblem("evidence/notes.docx")?.problem).toBe("is a .docx file, which is not published");
    expect(logoProblem("logo.svg")).toBeNull();
    expect(logoProblem("logo.pdf")?.problem).toBe("is a .pdf file, not an image");
  });
});

describe("validateCustomer(raw) on files a customer would open", () => {
  it("refuses an HTML page, a JSON file outside evidence/ and a logo that is no image, naming file and line", async () => {
    const dir = await mkdtemp(join(tmpdir(), "milepost-inert-"));
    await cp(join(FIXTURES, "data", "acme"), dir, { recursive: true });
    await writeFile(join(dir, "evidence", "report.html"), "<script>alert(1)</script>");
    const csv = (await readFile(join(dir, "milestones.csv"), "utf8")).split("\n");
    csv[1] = csv[1].replace("evidence/first-report.svg", "evidence/report.html | customer.json");
    await writeFile(join(dir, "milestones.csv"), csv.join("\n"));
    const customer = JSON.parse(await readFile(join(dir, "customer.json"), "utf8"));
    customer.brand.logo = "customer.json";
    await writeFile(join(dir, "customer.json"), JSON.stringify(customer));
    const { issues } = validateCustomer(await loadCustomer(dir, "acme", "data/acme"));
    expect(issues.filter((i) => i.severity === "error").map(formatIssue)).toEqual(
      expect.arrayContaining([
        'data/acme/milestones.csv:2 evidence: "evidence/report.html" is a .html file, which a browser would open as an active page — evidence may be PNG, JPEG, WebP, GIF, SVG or PDF: save it as one of those, or link to it with https://',
        'data/acme/milestones.csv:2 evidence: "customer.json" is not in the evidence/ folder — put the file in the customer\'s evidence/ folder and write evidence/customer.json; only files there are published',
        'data/acme/customer.json brand.logo: "customer.json" is a .json file, not an image — a logo may be PNG, JPEG, WebP, GIF or SVG',
      ]),
    );
  });
});

describe("sanitizeSvg(text)", () => {
  const hostile = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
  <script>alert(2)</script>
  <style>@import url(https://evil.example/x.css); rect { fill: url(https://evil.example/p.svg#a); } circle { fill: url(#g); }</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>
  <a href="javascript:alert(3)"><rect width="5" height="5" onclick="alert(4)" fill="url(#g)"/></a>
  <image href="https://evil.example/track.png" width="1" height="1"/>
  <use xlink:href="https://evil.example/s.svg#x"/><use href="#g"/>
  <foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example"/></foreignObject>
  <circle r="2" style="fill: url('https://evil.example/c')"/>
</svg>`;

  it("keeps the drawing and drops whatever runs or loads", () => {
    const clean = sanitizeSvg(hostile);
    for (const gone of [
      "script",
      "alert",
      "onload",
      "onclick",
      "evil.example",
      "foreignObject",
      "iframe",
      "@import",
      "javascript",
      "<image",
      "<a ",
      "ENTITY",
    ])
      expect(clean, gone).not.toContain(gone);
    for (const kept of [
      '<rect width="5" height="5" fill="url(#g)"/>',
      '<use href="#g"/>',
      "fill: url(#g)",
      '<stop offset="0" stop-color="red"/>',
      'viewBox="0 0 10 10"',
    ])
      expect(clean, kept).toContain(kept);
  });

  it("refuses a file that is not SVG, and a renamed file whose bytes are of another type", () => {
    expect(() => sanitizeSvg("<html><body>hi</body></html>")).toThrow("is not a readable SVG image");
    expect(() => inertBytes("evidence/x.png", new TextEncoder().encode("<html><script>1</script></html>"))).toThrow(
      "evidence/x.png is not the .png file its name says",
    );
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(inertBytes("logo.png", png)).toBe(png);
  });
});
