// The pages of each pack's site, in reading order; the site header links them.
import type { Pack } from "../../src/render.ts";

/** One page of a customer's site: file name, label key, and the pack it belongs to. */
export interface NavItem { href: string; label: string; pack: Pack }

export const NAV: NavItem[] = [
  { href: "index.html", label: "nav.summary", pack: "qbr" },
  { href: "milestones.html", label: "nav.milestones", pack: "qbr" },
  { href: "review.html", label: "nav.review", pack: "qbr" },
  { href: "audiences.html", label: "nav.audiences", pack: "qbr" },
  { href: "closeout.html", label: "nav.closeout", pack: "closeout" },
];
