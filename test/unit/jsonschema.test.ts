import { readdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonSchemaFiles } from "../../src/jsonschema.ts";

const ROOT = join(import.meta.dirname, "..", "..");

describe("jsonSchemaFiles()", () => {
  it("matches schemas/ as committed (run npm run schemas after changing src/schema.ts)", async () => {
    for (const [name, text] of jsonSchemaFiles())
      expect(await readFile(join(ROOT, "schemas", name), "utf8"), name).toBe(text);
    expect((await readdir(join(ROOT, "schemas"))).sort()).toEqual(
      jsonSchemaFiles()
        .map(([name]) => name)
        .sort(),
    );
  });

  it("describes customer.json's fields, fixed words and dates for an editor", () => {
    const customer = JSON.parse(Object.fromEntries(jsonSchemaFiles())["customer.schema.json"]);
    expect(customer.required).toEqual(["name", "locale", "currency", "engagement"]);
    expect(customer.additionalProperties).toBe(false);
    expect(customer.properties.dateFormat.enum).toEqual(["DMY", "MDY", "YMD"]);
    expect(customer.properties.stakeholders.items.properties.audience.enum).toEqual([
      "executive",
      "finance",
      "it",
      "user",
    ]);
    expect(customer.properties.engagement.properties.start).toMatchObject({ format: "date" });
  });

  it("is named by $schema in every sample's JSON files, with a path that leads to it", async () => {
    for (const slug of await readdir(join(ROOT, "data"))) {
      for (const file of ["customer.json", "handoff.json"]) {
        const path = join(ROOT, "data", slug, file);
        const text = await readFile(path, "utf8").catch(() => null);
        if (text === null) continue;
        const { $schema } = JSON.parse(text) as { $schema?: string };
        expect($schema, `${slug}/${file}`).toBe(`../../schemas/${file.replace(".json", ".schema.json")}`);
        expect(resolve(dirname(path), $schema!)).toBe(join(ROOT, "schemas", file.replace(".json", ".schema.json")));
      }
    }
  });
});
