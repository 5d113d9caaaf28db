// Finishing PDFs in a thread of their own: the same bytes as on the main thread, one answer per PDF, errors reported,
// and threads that end with close() and with the process (an idle one keeps no process alive; a signal ends them).
import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { finishedPdf } from "../../src/pdf-finish.ts";
import { openFinisher } from "../../src/pdf-worker.ts";

/** A small PDF as Chromium writes it (a classic cross-reference table): `pages` pages of text drawn with long numbers. */
function printedPdf(pages: number): Uint8Array {
  const objects: string[] = ["<< /Type /Catalog /Pages 2 0 R >>"];
  objects.push(
    `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${3 + 2 * i} 0 R`).join(" ")}] /Count ${pages} >>`,
  );
  for (let i = 0; i < pages; i++) {
    const content = `BT\n1 0 0 -1 60.0000004 52.1234567 Tm\n8.0286102 0 Td <002c> Tj\nET\n12.3456 7.891011 m 1.5 2 l\n`;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${4 + 2 * i} 0 R >>`);
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}endstream`);
  }
  let text = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /ID [<3a2d59778b65f15f><3a2d59778b65f15f>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(text);
}

const info = { title: "Acme — QBR", author: "Meridian Advisory", subject: "QBR", keywords: "acme", date: "2026-09-30" };

describe("openFinisher(size)", () => {
  it("finishes each PDF in a thread, byte for byte as finishedPdf does on the main thread", async () => {
    const finisher = openFinisher(2);
    try {
      expect(finisher.threads).toBe(0);
      const pdfs = [1, 2, 3, 4, 5].map(printedPdf);
      const marks = (n: number) => [{ title: `Section ${n}`, page: n }];
      const finished = await Promise.all(pdfs.map((pdf, i) => finisher.finish(pdf, info, marks(i + 1))));
      expect(finisher.threads).toBe(2);
      finished.forEach((pdf, i) =>
        expect(Buffer.compare(pdf, finishedPdf(pdfs[i], info, marks(i + 1))), `PDF ${i}`).toBe(0),
      );
      // The bytes given stay the caller's: a copy went to the thread.
      expect(pdfs[0].length).toBeGreaterThan(0);
      // Finished: packed into object streams (src/pdf-pack.ts), which hold the bookmarks and information.
      expect(new TextDecoder("latin1").decode(finished[0])).toContain("/Type /ObjStm");
    } finally {
      await finisher.close();
    }
    expect(finisher.threads).toBe(0);
  });

  it("rejects a PDF it cannot finish, with the reason, and goes on finishing the next", async () => {
    const finisher = openFinisher();
    try {
      await expect(finisher.finish(new TextEncoder().encode("%PDF-1.4\nnot a pdf"), info, [])).rejects.toThrow(
        "the PDF has no cross-reference table milepost can extend",
      );
      expect((await finisher.finish(printedPdf(1), info, [])).length).toBeGreaterThan(0);
    } finally {
      await finisher.close();
    }
    await expect(finisher.finish(printedPdf(1), info, [])).rejects.toThrow("the PDF finisher is closed");
  });
});

describe("a process with a finisher", () => {
  /** Runs `body` as a Node script (this Node) with `openFinisher`, `finishedPdf`'s input and `pdf` in scope; its exit code and output. */
  async function script(body: string, signal?: { on: string; send: NodeJS.Signals }) {
    const dir = await mkdtemp(join(tmpdir(), "milepost-finisher-"));
    const file = join(dir, "run.ts");
    const module = pathToFileURL(join(import.meta.dirname, "..", "..", "src", "pdf-worker.ts")).href;
    await writeFile(
      file,
      `import { openFinisher } from ${JSON.stringify(module)};\nconst pdf = new TextEncoder().encode(${JSON.stringify(new TextDecoder("latin1").decode(printedPdf(40)))});\nconst info = ${JSON.stringify(info)};\n${body}\n`,
    );
    const child = spawn(process.execPath, [file], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (signal && out.includes(signal.on)) child.kill(signal.send);
    });
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const [code, killed] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.once("exit", (c, s) => resolve([c, s])),
    );
    return { code, killed, out };
  }

  it("ends when its work is done without close(): an idle thread keeps no process alive", async () => {
    const { code, out } = await script(
      `const f = openFinisher();\nconst done = await f.finish(pdf, info, []);\nconsole.log("finished", done.length > 0 && done !== pdf, f.threads);`,
    );
    expect(out.trim()).toBe("finished true 1");
    expect(code).toBe(0);
  });

  it("ends, threads and all, when it is told to stop while PDFs are being finished", async () => {
    // As the build does on SIGINT, SIGTERM or a hang-up (src/build.ts): clean up, then exit.
    const { code, out } = await script(
      `process.once("SIGTERM", () => process.exit(143));\nconst f = openFinisher(2);\nfor (let i = 0; ; i++) { await Promise.all([f.finish(pdf, info, []), f.finish(pdf, info, [])]); if (i === 2) console.log("busy", f.threads); }`,
      { on: "busy", send: "SIGTERM" },
    );
    expect(out.trim()).toBe("busy 2");
    expect(code).toBe(143);
  });
});
