// Writes schemas/*.schema.json from the zod schemas: npm run schemas (a test checks they are current).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { jsonSchemaFiles } from "../src/jsonschema.ts";

const dir = join(import.meta.dirname, "..", "schemas");
for (const [name, text] of jsonSchemaFiles()) await writeFile(join(dir, name), text);
