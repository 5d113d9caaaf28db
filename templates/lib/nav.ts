// The pages of each pack's site, in reading order; the site header links them.
import type { Pack, SiteCustomer } from "../../src/render.ts";

/** One page of a customer's site: file name, label key, the pack it belongs to, and whether this customer has it (default: yes). */
export interface NavItem {
  href: string;
  label: string;
  pack: Pack;
  has?: (c: SiteCustomer) => boolean;
}

export const NAV: NavItem[] = [
  { href: "index.html", label: "nav.summary", pack: "qbr" },
  { href: "milestones.html", label: "nav.milestones", pack: "qbr" },
  { href: "review.html", label: "nav.review", pack: "qbr" },
  { href: "audiences.html", label: "nav.audiences", pack: "qbr", has: (c) => c.report.audiences.length > 0 },
  { href: "closeout.html", label: "nav.closeout", pack: "closeout" },
  { href: "closeout-tracker.html", label: "nav.tracker", pack: "closeout" },
  { href: "handoff.html", label: "nav.handoff", pack: "closeout" },
  { href: "retrospective.html", label: "nav.retrospective", pack: "closeout" },
  { href: "next-steps.html", label: "nav.nextSteps", pack: "closeout" },
];

/** The pages of this customer's site: its packs' pages that its data fills. */
export function navFor(c: SiteCustomer): NavItem[] {
  return NAV.filter((n) => c.packs.includes(n.pack) && (n.has?.(c) ?? true));
}
