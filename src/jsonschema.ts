// JSON Schemas for the JSON files a person writes, generated from the zod schemas so that editors
// (VS Code and others, through "$schema") check and complete them as they are typed.
import { z } from "zod";
import { configSchema } from "./config.ts";
import { importMapSchema } from "./importmap.ts";
import { customerSchema, handoffSchema } from "./schema.ts";

/** The documents with a schema, by the name of their file in schemas/ (`customer` → schemas/customer.schema.json). */
const DOCUMENTS = {
  customer: { schema: customerSchema, title: "milepost customer.json" },
  handoff: { schema: handoffSchema, title: "milepost handoff.json" },
  "milepost.config": { schema: configSchema, title: "milepost.config.json" },
  "milepost.map": { schema: importMapSchema, title: "milepost.map.json, an import map" },
} as const;

/** Each schema file's name and text, e.g. ["customer.schema.json", "{…}\n"]. */
export function jsonSchemaFiles(): [string, string][] {
  return Object.entries(DOCUMENTS).map(([name, { schema, title }]) => {
    const json = z.toJSONSchema(schema, {
      io: "input",
      unrepresentable: "any",
      // Editors then underline a misspelt key, as milepost validate does.
      override: (ctx) => {
        if (ctx.jsonSchema.type === "object") ctx.jsonSchema.additionalProperties = false;
      },
    });
    return [`${name}.schema.json`, `${JSON.stringify({ title, ...json }, null, 2)}\n`];
  });
}
