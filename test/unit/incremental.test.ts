// The input key of incremental builds: every input it covers changes it, nothing else does.
import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultConfig, loadConfig } from "../../src/config.ts";
import { withDefaults, type BuildOptions } from "../../src/build.ts";
import { configDigest, engineDigest, folderDigest, inputKey, type KeyInputs } from "../../src/incremental.ts";
import { PACKAGE_ROOT } from "../../src/render.ts";

const base: KeyInputs = {
  engine: "engine-1",
  data: "data-1",
  content: "content-1",
  config: "config-1",
  options: {
    dataDir: "/a/data",
    contentDir: "/a/content",
    outDir: "/a/dist",
    customers: "all",
    pack: "all",
    asOf: "2026-09-30",
    period: "2026-Q3",
    pdf: true,
    debug: false,
    force: false,
    copy: "customer",
  },
  shownDir: "data/acme",
  otherPeriods: ["acme-qbr-2026-Q2.pdf"],
};
const withOptions = (options: object): KeyInputs => ({ ...base, options: { ...base.options, ...options } });

describe("inputKey(inputs)", () => {
  it("changes with each input: data, content, engine, as-of date, period, pack, options, the copy, config, the folder named, other periods", () => {
    const variants: Record<string, KeyInputs> = {
      data: { ...base, data: "data-2" },
      content: { ...base, content: "content-2" },
      engine: { ...base, engine: "engine-2" },
      asOf: withOptions({ asOf: "2026-09-29" }),
      period: withOptions({ period: "2026-Q4" }),
      pack: withOptions({ pack: "qbr" }),
      pdf: withOptions({ pdf: false }),
      fullSeries: withOptions({ fullSeries: true }),
      config: { ...base, config: "config-2" },
      audiences: withOptions({ audiences: ["finance"] }),
      copy: withOptions({ copy: "internal" }),
      shownDir: { ...base, shownDir: "exports/acme" },
      otherPeriods: { ...base, otherPeriods: [] },
    };
    const keys = Object.entries(variants).map(([name, inputs]) => [name, inputKey(inputs)]);
    for (const [name, key] of keys) expect(key, name).not.toBe(inputKey(base));
    expect(new Set(keys.map(([, key]) => key)).size).toBe(keys.length);
  });

  it("does not change with where the output goes, which customers were asked for, --debug, --force or the order of keys", () => {
    expect(inputKey(withOptions({ outDir: "/b/dist", customers: ["acme"], debug: true, force: true }))).toBe(
      inputKey(base),
    );
    expect(inputKey(withOptions({ shard: { index: 2, count: 4 }, dataDir: "/b/data", configDir: "/b" }))).toBe(
      inputKey(base),
    );
    const reordered = { ...base, options: Object.fromEntries(Object.entries(base.options).reverse()) };
    expect(inputKey(reordered)).toBe(inputKey(base));
  });

  it("is the same whether the defaults are written out (the CLI) or left out (a caller of build(), a shard)", () => {
    const { copy: _copy, ...leftOut } = base.options as BuildOptions;
    const keyOf = (options: BuildOptions) => inputKey({ ...base, options: withDefaults(options) });
    expect(keyOf(leftOut)).toBe(keyOf(base.options as BuildOptions));
    expect(keyOf({ ...leftOut, audiences: [], fullSeries: false })).toBe(keyOf(base.options as BuildOptions));
  });
});

describe("configDigest(config)", () => {
  it("changes with the settings and with the bytes of the logo and custom sections, not with the config's folder", async () => {
    const project = async (settings: object, files: Record<string, string>) => {
      const dir = await mkdtemp(join(tmpdir(), "milepost-key-"));
      await writeFile(join(dir, "milepost.config.json"), JSON.stringify(settings));
      for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
      return configDigest((await loadConfig(dir)).config!);
    };
    const settings = {
      provider: { name: "Meridian", logo: "logo.svg", color: "#1f4e79" },
      sections: [{ id: "roadmap", pack: "qbr", file: "roadmap.mdx", title: "Roadmap", after: "review" }],
    };
    const files = { "logo.svg": "<svg/>", "roadmap.mdx": "# Roadmap" };
    const base = await project(settings, files);
    expect(await project(settings, files)).toBe(base);
    expect(await configDigest(defaultConfig("/a"))).toBe(await configDigest(defaultConfig("/b")));
    const variants = [
      await project({ ...settings, provider: { ...settings.provider, color: "#5b2a86" } }, files),
      await project({ ...settings, packs: { qbr: { off: ["sources"] } } }, files),
      await project({ ...settings, audiences: { finance: ["summary"] } }, files),
      await project(settings, { ...files, "logo.svg": "<svg></svg>" }),
      await project(settings, { ...files, "roadmap.mdx": "# Road map" }),
    ];
    for (const digest of variants) expect(digest).not.toBe(base);
    expect(new Set(variants).size).toBe(variants.length);
  });
});

describe("folderDigest(dir)", () => {
  it("changes with a file's bytes, a new file and a renamed file; not with the folder's place", async () => {
    const dir = await mkdtemp(join(tmpdir(), "milepost-digest-"));
    await cp(join(import.meta.dirname, "..", "fixtures", "data", "bare"), dir, { recursive: true });
    const first = await folderDigest(dir);
    const copy = await mkdtemp(join(tmpdir(), "milepost-digest-"));
    await cp(dir, copy, { recursive: true });
    expect(await folderDigest(copy)).toBe(first);
    await writeFile(join(copy, "notes.txt"), "x");
    const added = await folderDigest(copy);
    expect(added).not.toBe(first);
    await writeFile(join(copy, "notes.txt"), "y");
    expect(await folderDigest(copy)).not.toBe(added);
    expect(await folderDigest(join(copy, "missing"))).toBe("none");
  });
});

describe("engineDigest(root, browser)", () => {
  it("covers milepost's code and templates, its packages and the browser", async () => {
    const root = await mkdtemp(join(tmpdir(), "milepost-engine-"));
    for (const part of ["package.json", "src", "templates", "astro.config.mjs"])
      await cp(join(PACKAGE_ROOT, part), join(root, part), { recursive: true });
    const first = await engineDigest(root, null);
    expect(await engineDigest(root, null)).toBe(first);
    await writeFile(join(root, "templates", "pages", "[slug]", "index.astro"), "changed", { flag: "a" });
    const template = await engineDigest(root, null);
    expect(template).not.toBe(first);
    await writeFile(join(root, "src", "model", "round.ts"), "// changed\n", { flag: "a" });
    const code = await engineDigest(root, null);
    expect(code).not.toBe(template);
    expect(await engineDigest(root, "/usr/bin/chromium")).not.toBe(code);
    await writeFile(join(root, "package.json"), JSON.stringify({ version: "9.9.9", dependencies: { astro: "*" } }));
    expect(await engineDigest(root, null)).not.toBe(code);
  });
});
