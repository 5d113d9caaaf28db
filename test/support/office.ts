// Debian's LibreOffice opening the Office files a user would open, headless, converting them to read them back.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

/**
 * Converts `files` (Word files, or PowerPoint files: not both at once, LibreOffice then converts only the Word ones)
 * to `format` ("pdf", "txt:Text") into `outDir`, with a LibreOffice profile of its own under `scratch`, so that tests
 * running side by side do not share one.
 */
export async function libreOffice(files: string[], format: string, outDir: string, scratch: string): Promise<void> {
  await promisify(execFile)(
    "soffice",
    [
      `-env:UserInstallation=file://${join(scratch, "lo")}`,
      "--headless",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      ...files,
    ],
    { timeout: 240_000 },
  );
}
