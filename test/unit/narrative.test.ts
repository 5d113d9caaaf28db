// Narrative MDX checked before anything renders: each mistake a line of the customer's errors, word for word.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/errors.ts";
import type { Report } from "../../src/model/contract.ts";
import { checkNarrative } from "../../src/narrative.ts";

const report = {
  customer: { name: "Acme Analytics" },
  metrics: [
    { id: "m1", monetized: true },
    { id: "m2", monetized: false },
  ],
  milestones: [{ id: "ms1" }],
} as unknown as Report;

/** Writes `text` as content/acme/summary.mdx in a fresh folder and checks it; messages name files relative to that folder. */
async function check(text: string, files: Record<string, string> = {}): Promise<string[]> {
  const root = await mkdtemp(join(tmpdir(), "milepost-narrative-"));
  await mkdir(join(root, "content", "acme"), { recursive: true });
  for (const [name, body] of Object.entries({ "summary.mdx": text, ...files }))
    await writeFile(join(root, "content", "acme", name), body);
  return (await checkNarrative({ summary: join(root, "content", "acme", "summary.mdx") }, report, root)).map(
    formatIssue,
  );
}

describe("checkNarrative(content, report)", () => {
  it("accepts text, figure tags that name figures, comments, HTML and images beside the file", async () => {
    expect(
      await check(
        'Hours are <Metric id="m1" show="current" />, <Milestone id="ms1" /> and <Roi show="payback" />.\n\n{/* a note */}\n\n<br />\n\n![chart](./chart.svg)\n',
        { "chart.svg": "<svg/>" },
      ),
    ).toEqual([]);
  });

  it("names the line and column of a syntax error, without a stack", async () => {
    expect(await check("# Summary\n\nRevenue grew {50%} this quarter.\n")).toEqual([
      'content/acme/summary.mdx:3:18 cannot be read as MDX: Could not parse expression: Unexpected token — braces { } hold code in MDX: write the text without them (Revenue grew 50%), or name the figure with a tag such as <Metric id="m1" />',
    ]);
    expect(await check('Hours are <Metric id="m1"\n')).toEqual([
      'content/acme/summary.mdx:1:11 cannot be read as MDX: Unexpected character after `<`, expected a valid JSX tag (note: to create a link in MDX, use `[text](url)`) — correct the text at that place: a tag opens with < and closes with /> (<Metric id="m1" />) or with its closing tag',
    ]);
  });

  it("names each tag that names no figure, with what to write instead", async () => {
    expect(
      await check(
        'One <Metric id="m9" />.\n\nTwo <Metric id="m2" show="value" /> and <Roi show="npv" /> and <Milestone />.\n',
      ),
    ).toEqual([
      'content/acme/summary.mdx:1:5 <Metric id="m9" /> names no metric of Acme Analytics — write one of: m1, m2',
      'content/acme/summary.mdx:3:5 <Metric id="m2" show="value" /> names no money figure: m2 is not monetized — write one of: change, current, baseline, target, progress, name',
      'content/acme/summary.mdx:3:41 <Roi show="npv" /> names no figure of the return — write one of: value, cost, roi, payback, runRate',
      'content/acme/summary.mdx:3:64 <Milestone /> needs id="…" — write one of: ms1',
    ]);
  });

  it("refuses other components, code, imports and images that are not beside the file", async () => {
    expect(
      await check(
        '<Chart id="m1" />\n\nTotal {1 + 1} and <Metric id={"m1"} />.\n\nimport data from "../../other/secret.json"\n\n![a](./missing.png)\n\n![b](../other/logo.png)\n',
      ),
    ).toEqual([
      "content/acme/summary.mdx:1:1 <Chart> is not a tag narrative knows — write one of: <Metric>, <Milestone>, <Roi>",
      'content/acme/summary.mdx:3:7 {1 + 1} is code, which narrative may not run — write the text itself without braces, or name the figure with a tag such as <Metric id="m1" />',
      'content/acme/summary.mdx:3:19 <Metric> has id={…}, which is code — write the value in quotes, e.g. <Metric id="…" />',
      "content/acme/summary.mdx:5:1 imports or exports code, which narrative may not — remove it; show an image with ![what it shows](./file.png), the file beside summary.mdx",
      "content/acme/summary.mdx:7:1 shows ./missing.png, which is not a file in content/acme/ — put the image beside summary.mdx and write ![what it shows](./name.png)",
      "content/acme/summary.mdx:9:1 shows ../other/logo.png, which is outside content/acme/ — put the image beside summary.mdx and write ![what it shows](./name.png)",
    ]);
  });

  it("refuses an image that is not an image, or not the image its name says, as evidence is refused", async () => {
    expect(
      await check("![a](./page.html)\n\n![b](./chart.png)\n\n![c](./broken.svg)\n\n![d](./fine.svg)\n", {
        "page.html": "<script>alert(1)</script>",
        "chart.png": "<html><script>alert(1)</script></html>",
        "broken.svg": "<svg><g></svg>",
        "fine.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
      }),
    ).toEqual([
      "content/acme/summary.mdx:1:1 shows ./page.html, which is a .html file, not an image — a narrative image may be PNG, JPEG, WebP, GIF or SVG: save it as one of those",
      "content/acme/summary.mdx:3:1 shows ./chart.png, which is not the .png file its name says: its content is of another type — a narrative image may be PNG, JPEG, WebP, GIF or SVG: save it as one of those",
      expect.stringMatching(
        /^content\/acme\/summary\.mdx:5:1 shows \.\/broken\.svg, which is not a readable SVG image: .+ — a narrative image may be PNG, JPEG, WebP, GIF or SVG: save it as one of those$/,
      ),
    ]);
  });
});
