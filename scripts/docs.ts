// Writes the generated parts of docs/: the table of error codes in docs/errors.md (npm run docs; a test checks it is current).
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { withErrorTable } from "../src/errors-doc.ts";

const file = join(import.meta.dirname, "..", "docs", "errors.md");
await writeFile(file, withErrorTable(await readFile(file, "utf8")));
