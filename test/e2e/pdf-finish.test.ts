// The PDF stage's own pieces: finding a browser, and finishing a PDF by incremental update.
import { describe, expect, it } from "vitest";
import { findChrome } from "../../src/pdf.ts";
import { destinationPages, finishPdf, pdfString, stableIds } from "../../src/pdfinfo.ts";

describe("findChrome(env, platform, exists)", () => {
  const has =
    (...paths: string[]) =>
    (p: string) =>
      paths.includes(p);

  it("prefers MILEPOST_CHROME, then PUPPETEER_EXECUTABLE_PATH, then the system's usual places", () => {
    const env = { MILEPOST_CHROME: "/opt/a/chrome", PUPPETEER_EXECUTABLE_PATH: "/opt/b/chrome" };
    expect(findChrome(env, "linux", has("/opt/a/chrome", "/opt/b/chrome", "/usr/bin/chromium"))).toBe("/opt/a/chrome");
    expect(
      findChrome({ PUPPETEER_EXECUTABLE_PATH: "/opt/b/chrome" }, "linux", has("/opt/b/chrome", "/usr/bin/chromium")),
    ).toBe("/opt/b/chrome");
    expect(findChrome({}, "linux", has("/usr/bin/google-chrome"))).toBe("/usr/bin/google-chrome");
    expect(findChrome({}, "darwin", has("/Applications/Chromium.app/Contents/MacOS/Chromium"))).toBe(
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
    );
  });

  const failure = (run: () => unknown) => {
    try {
      run();
    } catch (err) {
      return err as Error & { title?: string; hint?: string };
    }
    throw new Error("no error");
  };

  it("stops when MILEPOST_CHROME names no file, instead of printing with another browser", () => {
    const error = failure(() => findChrome({ MILEPOST_CHROME: "/nope/chrome" }, "linux", has("/usr/bin/chromium")));
    expect(error.title).toBe("No browser where you pointed");
    expect(error.message).toBe("MILEPOST_CHROME names /nope/chrome, and there is no such file.");
    expect(error.hint).toBe(
      "Write the path of Chrome or Chromium in MILEPOST_CHROME (e.g. export MILEPOST_CHROME=/usr/bin/chromium), or unset it to let milepost look in the usual places.",
    );
    expect(
      failure(() => findChrome({ PUPPETEER_EXECUTABLE_PATH: "/nope/chrome" }, "linux", has("/usr/bin/chromium")))
        .message,
    ).toBe("PUPPETEER_EXECUTABLE_PATH names /nope/chrome, and there is no such file.");
  });

  it("says where it looked and how to get a browser when there is none", () => {
    const error = failure(() => findChrome({}, "linux", has()));
    expect(error.title).toBe("No Chromium or Chrome found");
    expect(error.message).toContain("/usr/bin/chromium");
    expect(error.hint).toBe(
      "Install one (Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk), or point MILEPOST_CHROME at the browser's executable, or build the sites alone with --no-pdf.",
    );
  });
});

/** A minimal PDF with a classic cross-reference table: `pages` pages and named destinations. */
function tinyPdf(pages: number, dests: Record<string, number>): Uint8Array {
  const objects: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${4 + i} 0 R`).join(" ");
  objects.push(`<< /Type /Catalog /Pages 2 0 R /Dests 3 0 R >>`);
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  objects.push(
    `<< ${Object.entries(dests)
      .map(([name, page]) => `/${name} [${3 + page} 0 R /XYZ 0 792 0]`)
      .join("\n")} >>`,
  );
  for (let i = 0; i < pages; i++) objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>`);
  let text = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(text);
}

describe("destinationPages(pdf, ids)", () => {
  it("gives the page of each named destination Chromium wrote for the contents' links", () => {
    expect(
      destinationPages(tinyPdf(4, { summary: 2, review: 4, "metric-m1": 3 }), ["summary", "review", "missing"]),
    ).toEqual([2, 4, null]);
  });
});

describe("finishPdf(pdf, info, bookmarks)", () => {
  it("appends the information dictionary and one bookmark per section, leaving the original bytes as they were", async () => {
    const original = tinyPdf(3, {});
    const info = { title: "Acme — QBR", author: "Meridian Advisory", subject: "QBR", keywords: "acme" };
    const finished = finishPdf(original, info, [
      { title: "Executive summary", page: 2 },
      { title: "四半期レビュー", page: 3 },
    ]);
    expect(finished.subarray(0, original.length)).toEqual(original);
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await getDocument({ data: finished, verbosity: 0 }).promise;
    const { info: read } = (await doc.getMetadata()) as { info: Record<string, string> };
    expect(read).toMatchObject({
      Title: "Acme — QBR",
      Author: "Meridian Advisory",
      Subject: "QBR",
      Keywords: "acme",
      Creator: "milepost",
    });
    const outline = await doc.getOutline();
    expect(outline.map((o) => o.title)).toEqual(["Executive summary", "四半期レビュー"]);
    expect(await doc.getPageIndex((outline[1].dest as [{ num: number; gen: number }])[0])).toBe(2);
  });

  it("writes ASCII as a literal string and anything else as UTF-16", () => {
    expect(pdfString("Q3 (draft)")).toBe("(Q3 \\(draft\\))");
    expect(pdfString("é")).toBe("<FEFF00E9>");
  });
});

describe("stableIds(pdf)", () => {
  /** PDF text as Chromium writes it: structure ids from a browser counter and a random /ID. */
  const pdf = (first: number, id: string, text = "Acme") =>
    new TextEncoder().encode(
      `%PDF-1.4\n1 0 obj\n<< /S /TH /ID (node000${first}) >>\nendobj\n2 0 obj\n<< /S /TH /ID (node000${first + 5}) >>\nendobj\n3 0 obj\n<< /Names [(node000${first}) 1 0 R (node000${first + 5}) 2 0 R] >>\nendobj\n4 0 obj\n(${text})\nendobj\ntrailer\n<< /Size 5 /ID [<${id}><${id}>] >>\n%%EOF\n`,
    );
  const text = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes);

  it("gives the same bytes for the same content, whatever ids the browser wrote, and moves no offset", () => {
    const a = stableIds(pdf(1632, "3a2d59778b65f15f4fb89d83dedc1dba"));
    const b = stableIds(pdf(1711, "47e0c1ee57f9365acccf229cd9498295"));
    expect(a).toEqual(b);
    expect(a.length).toBe(pdf(1632, "3a2d59778b65f15f4fb89d83dedc1dba").length);
    expect(text(a)).toContain("/Names [(node0000001) 1 0 R (node0000002) 2 0 R]");
  });

  it("gives other content another /ID", () => {
    const id = (bytes: Uint8Array) => /\/ID \[<(\w+)>/.exec(text(bytes))?.[1];
    expect(id(stableIds(pdf(1632, "3a2d59778b65f15f4fb89d83dedc1dba", "Acme")))).not.toBe(
      id(stableIds(pdf(1632, "3a2d59778b65f15f4fb89d83dedc1dba", "Bare"))),
    );
  });
});
