// Files a customer opens are inert: evidence, logos and narrative images by an allowlist of types, each file's
// bytes checked against its type, and SVG rewritten without scripts, event handlers, external
// references or foreign objects.
import { DOMParser, XMLSerializer, type Element, type Node } from "@xmldom/xmldom";
import type { ErrorCode } from "./errors-data.ts";

/** The content type of each file type a pack may publish as evidence. */
export const EVIDENCE_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  svg: "image/svg+xml",
  pdf: "application/pdf",
};
/** The image types a logo or a narrative's image may be. */
export const IMAGE_TYPES = ["png", "jpg", "jpeg", "webp", "gif", "svg"];
const LOGO_TYPES = IMAGE_TYPES;

export interface FileProblem {
  problem: string;
  fix: string;
  code: ErrorCode;
}

const extension = (path: string) => /\.([a-z0-9]+)$/i.exec(path)?.[1].toLowerCase() ?? "";
const ACTIVE = /^(html?|xht(ml)?|xml|js|mjs|svgz|swf|php|aspx?)$/;

/** Why an evidence file (as written in milestones.csv, e.g. "evidence/chart.png") may not be published, or null. */
export function evidenceProblem(path: string): FileProblem | null {
  const name = path.replace(/^\.\//, "");
  if (!name.startsWith("evidence/")) {
    return {
      problem: "is not in the evidence/ folder",
      fix: `put the file in the customer's evidence/ folder and write evidence/${name.split("/").pop()}; only files there are published`,
      code: "evidence-outside-folder",
    };
  }
  const ext = extension(name);
  if (EVIDENCE_TYPES[ext]) return null;
  return {
    problem: ACTIVE.test(ext)
      ? `is a .${ext} file, which a browser would open as an active page`
      : `is ${ext ? `a .${ext} file` : "a file without a type"}, which is not published`,
    fix: "evidence may be PNG, JPEG, WebP, GIF, SVG or PDF: save it as one of those, or link to it with https://",
    code: "evidence-type",
  };
}

/** Why a logo file (brand.logo or provider.logo) may not be published, or null. */
export function logoProblem(path: string): FileProblem | null {
  const ext = extension(path);
  if (LOGO_TYPES.includes(ext)) return null;
  return {
    problem: `is ${ext ? `a .${ext} file` : "a file without a type"}, not an image`,
    fix: "a logo may be PNG, JPEG, WebP, GIF or SVG",
    code: "logo-type",
  };
}

const MAGIC: Record<string, (b: Uint8Array) => boolean> = {
  png: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  jpg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  gif: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38,
  webp: (b) =>
    String.fromCharCode(...b.subarray(0, 4)) === "RIFF" && String.fromCharCode(...b.subarray(8, 12)) === "WEBP",
  pdf: (b) => String.fromCharCode(...b.subarray(0, 5)) === "%PDF-",
};

/**
 * The bytes to publish for an allowed file: SVG sanitized, other types unchanged once their
 * bytes match their type. Throws when they do not (e.g. a web page renamed to .png).
 */
export function inertBytes(path: string, bytes: Uint8Array): Uint8Array {
  const ext = extension(path);
  if (ext === "svg") return new TextEncoder().encode(sanitizeSvg(new TextDecoder().decode(bytes)));
  const matches = MAGIC[ext === "jpeg" ? "jpg" : ext];
  if (!matches || !matches(bytes))
    throw new Error(`${path} is not the .${ext} file its name says: its content is of another type`);
  return bytes;
}

/** SVG elements kept; every other element is dropped with its content (script, foreignObject, iframe, …). */
const SVG_ELEMENTS = new Set([
  "svg",
  "g",
  "defs",
  "title",
  "desc",
  "symbol",
  "use",
  "path",
  "rect",
  "circle",
  "ellipse",
  "line",
  "polyline",
  "polygon",
  "text",
  "tspan",
  "textPath",
  "linearGradient",
  "radialGradient",
  "stop",
  "pattern",
  "clipPath",
  "mask",
  "marker",
  "style",
  "filter",
  "feBlend",
  "feColorMatrix",
  "feComponentTransfer",
  "feComposite",
  "feFlood",
  "feGaussianBlur",
  "feMerge",
  "feMergeNode",
  "feOffset",
  "feFuncA",
  "feFuncR",
  "feFuncG",
  "feFuncB",
  "feMorphology",
  "feDropShadow",
]);
/** A url(…) in CSS or an attribute that points anywhere but inside the document. */
const EXTERNAL_URL = /url\(\s*(?!['"]?#)[^)]*\)/gi;

/**
 * The SVG without anything that runs or loads: disallowed elements (script, foreignObject, …)
 * removed, links unwrapped, on* handlers, external href/url() references and CSS @import dropped.
 */
export function sanitizeSvg(text: string): string {
  const errors: string[] = [];
  let doc: ReturnType<DOMParser["parseFromString"]>;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== "warning") errors.push(msg);
      },
    }).parseFromString(text, "image/svg+xml");
  } catch (err) {
    // A fatal error (e.g. an element left open) is thrown rather than reported.
    throw new Error(`is not a readable SVG image: ${(err as Error).message.split("\n")[0]}`, { cause: err });
  }
  const root = doc.documentElement;
  if (errors.length || !root || root.localName !== "svg")
    throw new Error(`is not a readable SVG image${errors.length ? `: ${errors[0]}` : ""}`);
  for (const child of Array.from(doc.childNodes) as Node[])
    if (child !== root && child.nodeType !== 8 /* comment */ && child.nodeType !== 7) doc.removeChild(child);
  clean(root);
  return new XMLSerializer().serializeToString(doc);
}

function clean(el: Element): void {
  for (const attr of Array.from(el.attributes)) {
    const name = attr.name.toLowerCase();
    const local = name.split(":").pop()!;
    const value = attr.value;
    const drop =
      local.startsWith("on") ||
      ((local === "href" || local === "src") && !value.trim().startsWith("#")) ||
      /javascript:|data:/i.test(value) ||
      (EXTERNAL_URL.test(value) && !name.startsWith("xmlns"));
    EXTERNAL_URL.lastIndex = 0;
    if (drop) el.removeAttribute(attr.name);
  }
  for (const child of Array.from(el.childNodes) as Node[]) {
    if (child.nodeType === 1) {
      const e = child as Element;
      if (e.localName === "a") {
        clean(e);
        while (e.firstChild) el.insertBefore(e.firstChild, e);
        el.removeChild(e);
        continue;
      }
      if (!SVG_ELEMENTS.has(e.localName ?? "") || e.namespaceURI !== "http://www.w3.org/2000/svg") {
        el.removeChild(e);
        continue;
      }
      if (e.localName === "style")
        e.textContent = (e.textContent ?? "").replace(/@import[^;]*;?/gi, "").replace(EXTERNAL_URL, "none");
      else clean(e);
    } else if (child.nodeType === 7 || (child.nodeType === 4 && el.localName !== "style")) {
      el.removeChild(child);
    }
  }
}
