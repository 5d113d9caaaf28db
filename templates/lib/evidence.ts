// A milestone's evidence as the page shows it: images as figures, other files and web pages as links.

/** One piece of evidence: an image shown inline, a file under files/, or a web link. */
export interface EvidenceItem {
  kind: "image" | "file" | "link";
  /** Relative to the customer's site folder for files, the URL itself for links. e.g. "files/evidence/chart.svg" */
  href: string;
  /** What the reader sees: the file's name, or the link without its scheme. e.g. "chart.svg", "wiki.example/ops" */
  label: string;
}

const IMAGE = /\.(svg|png|jpe?g|gif|webp|avif)$/i;

/** Sorts evidence entries (as given in milestones.csv) into images, files and links, in the order given. */
export function evidenceItems(entries: readonly string[]): EvidenceItem[] {
  return entries.map((entry) => {
    if (/^https?:\/\//i.test(entry))
      return { kind: "link", href: entry, label: entry.replace(/^https?:\/\//i, "").replace(/\/$/, "") };
    const label = entry.split("/").pop() ?? entry;
    return { kind: IMAGE.test(entry) ? "image" : "file", href: `files/${entry}`, label };
  });
}
