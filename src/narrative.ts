// Stage 3½: each customer's narrative MDX (content/<slug>/*.mdx), read with the parser Astro's MDX
// uses and checked against its report before anything renders. What would stop the render — a
// syntax error, an unknown tag or id, code, an import, a missing image — is that customer's error
// with file:line:column; the other customers build.
import { readFile, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative } from "node:path";
import { mdxToMdast, type MdastNode } from "satteri";
import { IMAGE_TYPES, inertBytes } from "./inert.ts";
import { FIGURE_TAGS, figureProblem } from "./narrative-tags.ts";
import type { DataIssue } from "./errors.ts";
import type { Report } from "./model/contract.ts";

type Node = MdastNode & {
  name?: string | null;
  value?: unknown;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
};

/** Checks the narrative files of one customer (`content`: name → path) against its report. */
export async function checkNarrative(
  content: Record<string, string>,
  report: Report,
  cwd = process.cwd(),
): Promise<DataIssue[]> {
  const issues: DataIssue[] = [];
  for (const path of Object.values(content)) issues.push(...(await checkFile(path, report, cwd)));
  return issues;
}

/** A file as messages name it: relative to where milepost runs when inside it. e.g. "content/acme/summary.mdx" */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

async function checkFile(path: string, report: Report, cwd: string): Promise<DataIssue[]> {
  const file = shown(path, cwd);
  const issues: DataIssue[] = [];
  const issue = (at: { line: number; column: number } | undefined, problem: string, fix: string) =>
    issues.push({
      severity: "error",
      code: "narrative",
      file,
      line: at?.line ?? 1,
      column: at?.column ?? 1,
      problem,
      fix,
    });
  let tree: Node;
  try {
    tree = mdxToMdast(await readFile(path, "utf8")) as Node;
  } catch (err) {
    const m = /^(\d+):(\d+): ([\s\S]*?)(?: \([\w:-]+\))?$/.exec((err as Error).message);
    const reason = (m?.[3] ?? (err as Error).message).replace(/ with oxc/, "");
    const braces = /expression/i.test(reason);
    issue(
      m ? { line: Number(m[1]), column: Number(m[2]) } : undefined,
      `cannot be read as MDX: ${reason}`,
      braces
        ? 'braces { } hold code in MDX: write the text without them (Revenue grew 50%), or name the figure with a tag such as <Metric id="m1" />'
        : 'correct the text at that place: a tag opens with < and closes with /> (<Metric id="m1" />) or with its closing tag',
    );
    return issues;
  }
  const folder = dirname(path);
  const walk = async (node: Node) => {
    const at = node.position?.start;
    switch (node.type) {
      case "mdxjsEsm":
        issue(
          at,
          "imports or exports code, which narrative may not",
          `remove it; show an image with ![what it shows](./file.png), the file beside ${file.split("/").pop()}`,
        );
        break;
      case "mdxFlowExpression":
      case "mdxTextExpression":
        if (
          String(node.value)
            .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")
            .trim()
        ) {
          issue(
            at,
            `{${String(node.value)}} is code, which narrative may not run`,
            'write the text itself without braces, or name the figure with a tag such as <Metric id="m1" />',
          );
        }
        break;
      case "image":
        if (node.url && !/^(https?:)?\/\//i.test(node.url)) {
          const target = join(folder, decodeURI(node.url.split(/[?#]/)[0]));
          const inside = !relative(folder, target).startsWith("..") && !isAbsolute(node.url);
          const exists =
            inside &&
            (await stat(target).then(
              (s) => s.isFile(),
              () => false,
            ));
          if (!exists) {
            issue(
              at,
              inside
                ? `shows ${node.url}, which is not a file in ${shown(folder, cwd)}/`
                : `shows ${node.url}, which is outside ${shown(folder, cwd)}/`,
              `put the image beside ${file.split("/").pop()} and write ![what it shows](./name.png)`,
            );
          } else {
            const problem = await imageProblem(target);
            if (problem) issue(at, `shows ${node.url}, which ${problem}`, IMAGE_FIX);
          }
        }
        break;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement":
        if (node.name && /^[A-Z]/.test(node.name)) checkTag(node, report, (problem, fix) => issue(at, problem, fix));
        break;
    }
    for (const child of node.children ?? []) await walk(child);
  };
  await walk(tree);
  return issues;
}

/** A capitalized tag: one of the figure tags, with plain text attributes that name a figure of this customer. */
function checkTag(node: Node, report: Report, issue: (problem: string, fix: string) => void): void {
  const tag = node.name as (typeof FIGURE_TAGS)[number];
  if (!FIGURE_TAGS.includes(tag)) {
    issue(
      `<${node.name}> is not a tag narrative knows`,
      `write one of: ${FIGURE_TAGS.map((t) => `<${t}>`).join(", ")}`,
    );
    return;
  }
  const attrs: Record<string, string> = {};
  for (const a of node.attributes ?? []) {
    if (a.type !== "mdxJsxAttribute" || typeof a.value !== "string") {
      issue(
        `<${tag}> has ${a.name ? `${a.name}={…}` : "{…}"}, which is code`,
        `write the value in quotes, e.g. <${tag} ${a.name ?? "id"}="…" />`,
      );
      return;
    }
    attrs[a.name!] = a.value;
  }
  const problem = figureProblem(tag, attrs, report);
  if (problem) issue(`${problem.written} ${problem.problem}`, problem.fix);
}

const IMAGE_FIX = "a narrative image may be PNG, JPEG, WebP, GIF or SVG: save it as one of those";

/** Why an image a narrative shows would not be published as the inert file evidence is, or null. */
async function imageProblem(path: string): Promise<string | null> {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1].toLowerCase() ?? "";
  if (!IMAGE_TYPES.includes(ext)) return `is ${ext ? `a .${ext} file` : "a file without a type"}, not an image`;
  try {
    inertBytes(path, await readFile(path));
    return null;
  } catch (err) {
    // e.g. "is not a readable SVG image: …", or a web page renamed to .png
    const message = (err as Error).message;
    return message.startsWith("is ")
      ? message
      : `is not the .${ext} file its name says: its content is of another type`;
  }
}
