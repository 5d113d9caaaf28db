// The book of business as HTML: the sortable, filterable page (index.html) and the CS lead's one-page brief
// (print.html, printed to portfolio.pdf). Static pages under the sites' Content-Security-Policy: their script and
// stylesheet are files beside them. Words in English: the book is the provider's own, never a customer's.
import en from "../../templates/i18n/en.ts";
import { CSP } from "../share/policy.ts";
import type { PortfolioRow } from "./rows.ts";
import { WINDOWS } from "./table.ts";

/** What marks a page as the book of business: publish refuses a folder holding one (book-of-business). */
export const PORTFOLIO_MARK = '<meta name="milepost-copy" content="portfolio"';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
/** e.g. "30 Sept 2026" */
export const showDate = (iso: string) => dateFormat.format(new Date(`${iso}T00:00:00Z`));
/** e.g. "$48,210", "¥6,877,368", "MYR 42,750" */
export const showMoney = (amount: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(amount);
/** e.g. 0.4123 → "41%" */
export const showShare = (fraction: number) => `${Math.round(fraction * 100)}%`;

const HEALTH_WORD = { green: en["health.green"], yellow: en["health.yellow"], red: en["health.red"] };
const TREND_WORD = { better: "better", worse: "worse", unchanged: "unchanged" };
const TREND_MARK = { better: "▲", worse: "▼", unchanged: "▶" };
const PAYBACK_WORD = { verified: "Paid back", claimed: "Claimed", not_yet: "Not yet" };
const STATUS_WORD = { built: "built", stale: "stale: last build failed", failed: "failed: no output" };

/** A table cell: its text (HTML), its sort key (data-v), and its class. */
type Cell = { html: string; key: string | number | null; cls?: string };

const cell = (html: string, key: string | number | null, cls?: string): Cell => ({ html, key, cls });
const none = (): Cell => cell('<span class="none">—</span>', null);
const sub = (text: string) => `<span class="sub">${escape(text)}</span>`;

/** The columns of the page: heading, whether it is numeric (right-aligned), and a row's cell. */
const COLUMNS: { title: string; numeric?: boolean; cell: (r: PortfolioRow) => Cell }[] = [
  {
    title: "Customer",
    cell: (r) =>
      cell(
        `${r.status === "failed" ? escape(r.name) : `<a href="../${r.slug}/index.html">${escape(r.name)}</a>`}${sub(r.slug)}`,
        r.name.toLowerCase(),
        "name",
      ),
  },
  { title: "CSM", cell: (r) => (r.csm ? cell(escape(r.csm), r.csm.toLowerCase()) : none()) },
  {
    title: "Health",
    cell: (r) =>
      r.health
        ? cell(
            `<span class="rag rag-${r.health}">${escape(HEALTH_WORD[r.health])}</span>${r.trend ? sub(`${TREND_MARK[r.trend]} ${TREND_WORD[r.trend]}`) : ""}`,
            { red: 0, yellow: 1, green: 2 }[r.health],
          )
        : none(),
  },
  {
    title: "Value claimed",
    numeric: true,
    cell: (r) =>
      r.valueClaimed !== null ? cell(escape(showMoney(r.valueClaimed, r.currency!)), r.valueClaimed) : none(),
  },
  {
    title: "Verified",
    numeric: true,
    cell: (r) =>
      r.valueVerified !== null ? cell(escape(showMoney(r.valueVerified, r.currency!)), r.valueVerified) : none(),
  },
  { title: "ROI", numeric: true, cell: (r) => (r.roi !== null ? cell(showShare(r.roi), r.roi) : none()) },
  {
    title: "Payback",
    cell: (r) =>
      r.payback
        ? cell(
            `${PAYBACK_WORD[r.payback]}${r.paybackDate ? sub(showDate(r.paybackDate)) : ""}`,
            r.paybackDate ?? (r.payback === "not_yet" ? "9999" : null),
          )
        : none(),
  },
  {
    title: "Renewal",
    cell: (r) =>
      r.renewalDate !== null && r.daysToRenewal !== null
        ? cell(
            `${showDate(r.renewalDate)}${sub(r.daysToRenewal < 0 ? `${-r.daysToRenewal} days ago` : `in ${r.daysToRenewal} days`)}`,
            r.daysToRenewal,
            r.daysToRenewal >= 0 && r.daysToRenewal <= 90 ? "soon" : undefined,
          )
        : none(),
  },
  {
    title: "Seat use",
    numeric: true,
    cell: (r) =>
      r.seatUse !== null ? cell(`${showShare(r.seatUse)}${sub(`${r.seatsUsed} of ${r.seats}`)}`, r.seatUse) : none(),
  },
  {
    title: "Decisions",
    numeric: true,
    cell: (r) =>
      r.decisions !== null
        ? cell(
            `${r.decisions}${r.decideBy ? sub(`by ${showDate(r.decideBy)}`) : ""}`,
            r.decideBy ?? (r.decisions ? null : "9999"),
          )
        : none(),
  },
  {
    title: "Overdue actions",
    numeric: true,
    cell: (r) => (r.overdueActions !== null ? cell(String(r.overdueActions), r.overdueActions) : none()),
  },
  {
    title: "Built",
    cell: (r) =>
      cell(
        `${r.asOf ? `as of ${showDate(r.asOf)}` : ""}${r.status === "built" ? "" : sub(STATUS_WORD[r.status])}`,
        r.asOf,
        r.status === "built" ? undefined : "flag",
      ),
  },
  {
    title: "Latest data",
    cell: (r) =>
      r.latestData
        ? cell(
            `${showDate(r.latestData)}${r.staleMetrics ? sub(`${r.staleMetrics} stale ${r.staleMetrics === 1 ? "metric" : "metrics"}`) : ""}`,
            r.latestData,
            r.staleMetrics ? "flag" : undefined,
          )
        : none(),
  },
  {
    title: "Warnings",
    numeric: true,
    cell: (r) => (r.warnings !== null ? cell(String(r.warnings), r.warnings, r.warnings ? "flag" : undefined) : none()),
  },
];

function head(title: string, extra = ""): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
${PORTFOLIO_MARK}>
<title>${escape(title)}</title>
<link rel="stylesheet" href="portfolio.css">
<script defer src="portfolio.js"></script>${extra}
</head>`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The counts above the table: customers, and how many of each health. */
function summary(rows: readonly PortfolioRow[]): string {
  const count = (h: PortfolioRow["health"]) => rows.filter((r) => r.health === h).length;
  const failed = rows.filter((r) => r.status !== "built").length;
  return `<p class="counts">${plural(rows.length, "customer", "customers")}: ${(["red", "yellow", "green"] as const)
    .map((h) => `<span class="rag rag-${h}">${count(h)} ${escape(HEALTH_WORD[h].toLowerCase())}</span>`)
    .join(" ")}${failed ? ` <span class="flag">${plural(failed, "build", "builds")} failed</span>` : ""}</p>`;
}

/** index.html: the sortable table of every customer, with its filters; `pdf` when portfolio.pdf is beside it. */
export function portfolioPage(rows: readonly PortfolioRow[], pdf: boolean): string {
  const csms = [...new Set(rows.flatMap((r) => (r.csm ? [r.csm] : [])))].sort((a, b) => a.localeCompare(b));
  const option = (value: string, text: string) => `<option value="${escape(value)}">${escape(text)}</option>`;
  const filters = [
    `<label>CSM <select data-filter="csm">${option("", "All")}${csms.map((c) => option(c, c)).join("")}${rows.some((r) => !r.csm) ? option("-", "No CSM") : ""}</select></label>`,
    `<label>Health <select data-filter="health">${option("", "All")}${(["red", "yellow", "green"] as const).map((h) => option(h, HEALTH_WORD[h])).join("")}</select></label>`,
    `<label>Renewal <select data-filter="renewal">${option("", "Any")}${Object.keys(WINDOWS)
      .map((w) => option(w, w === "passed" ? "Passed" : `Within ${w} days`))
      .join("")}</select></label>`,
  ].join("\n");
  const headings = COLUMNS.map(
    (c, i) =>
      `<th scope="col" role="columnheader"${c.numeric ? ' class="num"' : ""} aria-sort="none"><button type="button" data-col="${i}">${escape(c.title)}</button></th>`,
  ).join("");
  const body = rows
    .map((r) => {
      const cells = COLUMNS.map((c) => {
        const x = c.cell(r);
        const cls = [c.numeric ? "num" : "", x.cls ?? ""].filter(Boolean).join(" ");
        return `<td role="cell" data-label="${escape(c.title)}" data-v="${x.key === null ? "" : escape(String(x.key))}"${cls ? ` class="${cls}"` : ""}>${x.html}</td>`;
      }).join("");
      return `<tr role="row" data-csm="${escape(r.csm ?? "-")}" data-health="${r.health ?? ""}" data-days="${r.daysToRenewal ?? ""}">${cells}</tr>`;
    })
    .join("\n");
  return `${head("Book of business")}
<body class="book">
<header>
<h1>Book of business</h1>
<p class="internal">Internal — do not forward. Every figure is the customer's report.json as last built; value in each customer's currency.</p>
${summary(rows)}
</header>
<form class="filters" role="search">
${filters}
<output data-count>${plural(rows.length, "customer", "customers")}</output>
</form>
<div class="scroll">
<table class="book-table" role="table">
<thead role="rowgroup"><tr role="row">${headings}</tr></thead>
<tbody role="rowgroup">
${body}
</tbody>
</table>
</div>
<p class="links"><a href="portfolio.csv">portfolio.csv</a>${pdf ? ' · <a href="portfolio.pdf">portfolio.pdf</a>' : ""}</p>
</body>
</html>
`;
}

/** A list of the brief: its title, the rows it names (at most `max`, then "and n more"). */
function list(title: string, rows: readonly PortfolioRow[], line: (r: PortfolioRow) => string, max = 8): string {
  if (rows.length === 0) return `<section><h2>${escape(title)}</h2><p class="none">None.</p></section>`;
  const items = rows.slice(0, max).map((r) => `<li><b>${escape(r.name)}</b> ${line(r)}</li>`);
  if (rows.length > max) items.push(`<li class="more">and ${rows.length - max} more</li>`);
  return `<section><h2>${escape(title)} <span class="sub">${rows.length}</span></h2><ul>${items.join("")}</ul></section>`;
}

const by =
  <K extends keyof PortfolioRow>(key: K) =>
  (a: PortfolioRow, b: PortfolioRow) =>
    String(a[key]).localeCompare(String(b[key])) || a.slug.localeCompare(b.slug);

/** print.html: the CS lead's one page — the counts, then who needs a decision, renews soon, is off track or failed. */
export function portfolioPrint(rows: readonly PortfolioRow[]): string {
  const asOf = rows.reduce<string | null>((a, r) => (r.asOf && (!a || r.asOf > a) ? r.asOf : a), null);
  const csm = (r: PortfolioRow) => (r.csm ? ` <span class="sub">${escape(r.csm)}</span>` : "");
  const decisions = rows.filter((r) => r.decideBy !== null).sort(by("decideBy"));
  const renewals = rows
    .filter((r) => r.daysToRenewal !== null && r.daysToRenewal >= 0 && r.daysToRenewal <= 90)
    .sort((a, b) => a.daysToRenewal! - b.daysToRenewal! || a.slug.localeCompare(b.slug));
  const offTrack = rows.filter((r) => r.health === "red").sort(by("slug"));
  const overdue = rows.filter((r) => (r.overdueActions ?? 0) > 0).sort((a, b) => b.overdueActions! - a.overdueActions!);
  const failed = rows.filter((r) => r.status !== "built");
  return `${head("Book of business — brief")}
<body class="brief">
<header>
<h1>Book of business${asOf ? ` <span class="sub">as of ${showDate(asOf)}</span>` : ""}</h1>
<p class="internal">Internal — do not forward.</p>
${summary(rows)}
</header>
<div class="lists">
${list("Decisions to take, earliest first", decisions, (r) => `${plural(r.decisions!, "decision", "decisions")} by ${showDate(r.decideBy!)}${csm(r)}`)}
${list("Renewals within 90 days", renewals, (r) => `${showDate(r.renewalDate!)}${r.seatUse !== null ? `, seats ${showShare(r.seatUse)} used` : ""}${csm(r)}`)}
${list(en["health.red"], offTrack, (r) => `${r.trend ? escape(en[`trend.${r.trend}`]) : ""}${csm(r)}`)}
${list("Overdue actions", overdue, (r) => `${r.overdueActions} overdue${csm(r)}`)}
${failed.length ? list("Builds that failed", failed, (r) => escape(STATUS_WORD[r.status])) : ""}
</div>
</body>
</html>
`;
}
