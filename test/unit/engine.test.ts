import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { engineKey, outFile } from "../../src/engine.ts";
import type { SiteCustomer } from "../../src/site-customer.ts";

let root: string;
const customer = (slug: string, content: Record<string, string> = {}) => ({ slug, content }) as SiteCustomer;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "milepost-engine-key-"));
  await mkdir(join(root, "templates", "pages"), { recursive: true });
  await mkdir(join(root, "src"));
  await mkdir(join(root, "content", "acme"), { recursive: true });
  await writeFile(join(root, "package.json"), JSON.stringify({ version: "1.0.0", dependencies: {} }));
  await writeFile(join(root, "astro.config.mjs"), "export default {};\n");
  await writeFile(join(root, "templates", "pages", "index.astro"), "<p>one</p>\n");
  await writeFile(join(root, "src", "model.ts"), "export const x = 1;\n");
  await writeFile(join(root, "content", "acme", "summary.mdx"), "Hello.\n");
});

describe("engineKey(root, customers)", () => {
  it("is the same for the same engine, and for customers without narrative", async () => {
    const key = await engineKey(root, [], root);
    expect(key).toMatch(/^[0-9a-f]{24}$/);
    expect(await engineKey(root, [customer("bare"), customer("kiso")], root)).toBe(key);
  });

  it("changes with a template, milepost's code, the Astro configuration or the package's version", async () => {
    const key = await engineKey(root, [], root);
    await writeFile(join(root, "templates", "pages", "index.astro"), "<p>two</p>\n");
    const template = await engineKey(root, [], root);
    expect(template).not.toBe(key);
    await writeFile(join(root, "src", "model.ts"), "export const x = 2;\n");
    const code = await engineKey(root, [], root);
    expect(code).not.toBe(template);
    await writeFile(join(root, "astro.config.mjs"), "export default { telemetry: false };\n");
    const config = await engineKey(root, [], root);
    expect(config).not.toBe(code);
    await writeFile(join(root, "package.json"), JSON.stringify({ version: "1.0.1", dependencies: {} }));
    expect(await engineKey(root, [], root)).not.toBe(config);
  });

  it("changes with the narrative MDX compiled in: its name and its bytes", async () => {
    const mdx = join(root, "content", "acme", "summary.mdx");
    const plain = await engineKey(root, [], root);
    const one = await engineKey(root, [customer("acme", { summary: mdx })], root);
    expect(one).not.toBe(plain);
    expect(await engineKey(root, [customer("acme", { summary: mdx }), customer("bare")], root)).toBe(one);
    expect(await engineKey(root, [customer("acme", { intro: mdx })], root)).not.toBe(one);
    await writeFile(mdx, "Hello again.\n");
    expect(await engineKey(root, [customer("acme", { summary: mdx })], root)).not.toBe(one);
  });
});

describe("outFile(pathname, type)", () => {
  it("writes a page as <path>.html and an endpoint at its path", () => {
    expect(outFile("/acme/review", "page")).toBe("/acme/review.html");
    expect(outFile("/acme/index", "page")).toBe("/acme/index.html");
    expect(outFile("/acme/print.css", "endpoint")).toBe("/acme/print.css");
  });
});
