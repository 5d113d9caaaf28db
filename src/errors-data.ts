// The catalogue of every problem milepost reports about a customer: one entry per code. The code
// is what scripts read from `--json`; it is never renamed, and a retired code is never reused. The
// exact words of each message (file, line, field, value, problem, fix) are written where the
// problem is found; `message` and `fix` here say what they say in general, for docs/errors.md
// (generated from this file: npm run docs). Adding a code: see CONTRIBUTING.md.

export interface ErrorData {
  /** A few words, e.g. "A required column is missing". */
  title: string;
  /** "error": the customer is not built (previous output kept). "warning": it is built, and the warning printed. */
  severity: "error" | "warning" | "error or warning";
  /** The stage that finds it (docs/architecture.md). */
  stage: "load" | "validate" | "narrative" | "model" | "build" | "publish";
  /** What the message says, `<like this>` for what it names. */
  message: string;
  /** What the spreadsheet owner does about it. */
  fix: string;
}

export const errorCatalogue = {
  // Reading the files (src/load.ts, src/workbook.ts)
  "folder-not-slug": {
    title: "A customer folder's name is not a slug",
    severity: "error",
    stage: "load",
    message: "The folder's name is not lowercase letters a-z, digits and hyphens, so it was not read.",
    fix: "Rename the folder to the slug the message suggests (from the folder's name or the customer's name).",
  },
  "both-formats": {
    title: "A table given twice",
    severity: "error",
    stage: "load",
    message: "A table is both a .csv and a .json file, or both a file and a sheet of customer.xlsx.",
    fix: "Keep one of them and delete or rename the other.",
  },
  "no-customer-json": {
    title: "No customer.json",
    severity: "error",
    stage: "load",
    message: "The customer folder has neither customer.json nor a customer.xlsx with a customer sheet.",
    fix: "Add customer.json with at least name, locale, currency and engagement (milepost init writes one).",
  },
  "empty-file": {
    title: "An empty file",
    severity: "error",
    stage: "load",
    message: "A file holds nothing.",
    fix: "Write its header row and rows (or its content), or delete the file.",
  },
  "unknown-encoding": {
    title: "A file that is not UTF-8 text",
    severity: "error",
    stage: "load",
    message:
      "A file is UTF-16 without a byte-order mark, an Excel workbook with a .csv name, or in no encoding milepost recognises.",
    fix: "In Excel use File › Save As › CSV UTF-8 (or give a workbook the .xlsx ending).",
  },
  "legacy-encoding": {
    title: "A file in a legacy encoding",
    severity: "warning",
    stage: "load",
    message: "A file is in Big5, Shift-JIS, GBK or Windows-1252; it was read in that encoding.",
    fix: "Check the names in the pages; to be sure, save it as CSV UTF-8.",
  },
  "bad-json": {
    title: "A JSON file that cannot be read",
    severity: "error",
    stage: "load",
    message:
      "A JSON file has a comma after its last entry, ends before its last bracket is closed, or is not valid JSON where the message quotes.",
    fix: "Remove the comma, add the missing bracket, or check for a missing comma, quote or bracket there.",
  },
  "duplicate-column": {
    title: "Two columns with one name",
    severity: "error",
    stage: "load",
    message: "Two header cells name the same column (case, spaces and hyphens aside).",
    fix: "Delete or rename one of them.",
  },
  "bad-csv": {
    title: "A CSV file that cannot be read",
    severity: "error",
    stage: "load",
    message: "The file cannot be read as CSV (usually a quote that is never closed).",
    fix: "Check that every opening quote has a closing quote; save the file again as CSV UTF-8.",
  },
  "unnamed-column": {
    title: "A value in a column without a name",
    severity: "error",
    stage: "load",
    message: "A row has a value in a column whose header cell is empty (often a merged header cell).",
    fix: "Write the column's name in the header row.",
  },
  "extra-cells": {
    title: "More cells than the header",
    severity: "error",
    stage: "load",
    message: "A row has more cells than the header row has columns (often an unquoted comma).",
    fix: "Quote any value that contains the delimiter, or remove the extra cells (in a workbook: give the column a header or clear the cells).",
  },
  "json-not-array": {
    title: "A JSON table that is not a list",
    severity: "error",
    stage: "load",
    message: "A table written as JSON is not an array of rows.",
    fix: 'Write the table as a JSON array of objects: [ { "id": "m1", … }, … ].',
  },
  "json-row-not-object": {
    title: "A JSON row that is not an object",
    severity: "error",
    stage: "load",
    message: "An entry of a JSON table is not an object.",
    fix: "Make each entry an object of field names and values.",
  },
  "bad-workbook": {
    title: "A workbook that cannot be read",
    severity: "error",
    stage: "load",
    message: "customer.xlsx cannot be read as an Excel workbook.",
    fix: "Open it in Excel and save it again as an Excel Workbook (.xlsx).",
  },
  "bad-import-map": {
    title: "An import map milepost cannot follow",
    severity: "error",
    stage: "load",
    message:
      "milepost.map.json has a key or value its schema does not take, or names a file that is not in the customer's folder.",
    fix: "Correct it as the message says (README, Import maps; schemas/milepost.map.schema.json).",
  },
  "cell-error": {
    title: "An Excel error in a cell",
    severity: "error",
    stage: "load",
    message:
      "A cell of customer.xlsx holds an Excel error such as #REF! or #DIV/0! (a formula that cannot be worked out).",
    fix: "Correct the formula in Excel, or type the value, and save the workbook again.",
  },
  "unknown-sheet": {
    title: "A sheet milepost does not know",
    severity: "warning",
    stage: "load",
    message: "A sheet of customer.xlsx is not named after a table; it is ignored.",
    fix: "Name the sheets after the tables (customer, metrics, measurements, …).",
  },

  // Checking each row and field (src/validate.ts, src/schema.ts)
  "missing-column": {
    title: "A required column is missing",
    severity: "error",
    stage: "validate",
    message:
      "A required column (or, in a JSON table, key) is missing; beside an unknown column, the likely rename is named.",
    fix: "Add the column to the header row, or rename the misspelt one; a fixed-word field lists its allowed values.",
  },
  "misspelt-column": {
    title: "A misspelt optional column",
    severity: "error",
    stage: "validate",
    message:
      "An unknown column is most likely a misspelling of an optional column not given; as written it would be ignored.",
    fix: "Rename the column to the one the message names.",
  },
  "unknown-column": {
    title: "A column milepost does not know",
    severity: "warning",
    stage: "validate",
    message: "A column is not part of the table; it is ignored.",
    fix: "Check the spelling (the message names a close column), or delete the column.",
  },
  "misspelt-key": {
    title: "A misspelt or misplaced key",
    severity: "error",
    stage: "validate",
    message:
      "A key of customer.json or handoff.json is most likely a misspelt optional key, or belongs elsewhere; as written it would be ignored.",
    fix: "Rename the key, or move it where the message says.",
  },
  "unknown-key": {
    title: "A key milepost does not know",
    severity: "warning",
    stage: "validate",
    message: "A key of customer.json or handoff.json is not part of the document; it is ignored.",
    fix: "Check the spelling, or remove it; the message lists the keys allowed there.",
  },
  "missing-value": {
    title: "A required value is empty",
    severity: "error",
    stage: "validate",
    message: "A required field is empty in a row (or in customer.json).",
    fix: "Fill it in; a fixed-word field lists its allowed values. Below a merged cell: unmerge it and fill in every row.",
  },
  "invalid-value": {
    title: "A value milepost cannot read",
    severity: "error",
    stage: "validate",
    message:
      "A value is not of the field's type or format: a number not written in the customer's numberFormat (`1.234` when it is 1,234.5 and the value could be either), an ambiguous date, a Minguo or Japanese era date, a word not among the allowed ones.",
    fix: "Write the value the message gives, e.g. 12.5, 2026-03-15, or one of the allowed words; or set numberFormat or dateFormat for the customer.",
  },
  "mark-taken-off": {
    title: "A currency symbol or % sign taken off a number",
    severity: "warning",
    stage: "validate",
    message:
      "A number in a money column carries the customer's currency symbol, or one in a percent column a % sign; it was read without it.",
    fix: "Nothing, if the reading is right; write plain numbers to leave the note out.",
  },
  "duplicate-id": {
    title: "An id used twice",
    severity: "error",
    stage: "validate",
    message: "Two rows of metrics, milestones, deliverables or opportunities have the same id.",
    fix: "Give each row its own id.",
  },
  "unknown-metric": {
    title: "An unknown metric id",
    severity: "error",
    stage: "validate",
    message:
      "A metric_id (in measurements or milestones) or a goal's metric is not the id of any metric; reported once per id and file, with every line.",
    fix: "Use one of the metric ids the message lists, or add the metric to metrics.csv first.",
  },
  "target-before-baseline": {
    title: "A target date before the baseline",
    severity: "error",
    stage: "validate",
    message: "A metric's target_date is before its baseline_date.",
    fix: "Correct either date: a target date comes after the baseline is measured.",
  },
  "target-equals-baseline": {
    title: "A target equal to the baseline",
    severity: "error",
    stage: "validate",
    message: "A metric's target equals its baseline, so its progress cannot be measured.",
    fix: "Write the value aimed for.",
  },
  "half-monetized": {
    title: "A money value half given",
    severity: "error",
    stage: "validate",
    message: "A metric has value_per_unit without per, or per without value_per_unit.",
    fix: "Fill both to put a money value on the metric, or neither.",
  },
  "measurement-before-baseline": {
    title: "A measurement before the baseline",
    severity: "error",
    stage: "validate",
    message: "A measurement is dated before its metric's baseline_date.",
    fix: "Correct the date, or move the metric's baseline_date earlier.",
  },
  "criterion-threshold-differs": {
    title: "A goal's words name another threshold than its metric's target",
    severity: "warning",
    stage: "validate",
    message:
      "A goal's statement names a number (e.g. above 90 %) that none of its metrics has as its target; the pack judges the goal by the metrics' targets and shows them beside the verdict.",
    fix: "Write the metric's target in the goal's words, or set the metric's target to the goal's number.",
  },
  "row-after-today": {
    title: "A row dated after today",
    severity: "warning",
    stage: "validate",
    message:
      "A row is dated after today: a typo'd year, or a month-first date read day-first. No figure counts it until then; rows after the as-of date but not after today are not warned about.",
    fix: "Check the year, and whether the day and month were swapped (customer.json's dateFormat says which comes first).",
  },
  "achieved-without-date": {
    title: "An achieved milestone with no date",
    severity: "error",
    stage: "validate",
    message: "A milestone is stated achieved, with no achieved_date and no measurement reaching its threshold.",
    fix: "Add achieved_date, or a metric_id and threshold that a measurement reaches.",
  },
  "done-without-date": {
    title: "A commitment done with no date",
    severity: "error",
    stage: "validate",
    message: "An action's status is done, with no done_date.",
    fix: "Add done_date: the scorecard says whether each commitment was kept on time.",
  },
  "duplicate-period": {
    title: "A period given twice",
    severity: "error",
    stage: "validate",
    message: "Two rows of support or health name the same period.",
    fix: "Keep one row per period.",
  },
  "contract-dates": {
    title: "Contract dates out of order",
    severity: "error",
    stage: "validate",
    message: "contract.end or contract.renewalDate in customer.json is before contract.start.",
    fix: "Check the dates of the contract term.",
  },
  "unknown-measure": {
    title: "Seats counted against an unknown measure",
    severity: "error",
    stage: "validate",
    message: "contract.seatsMeasure names no measure of the usage table.",
    fix: "Write one of the usage table's measures, or remove contract.seatsMeasure.",
  },
  "price-range": {
    title: "A price range upside down",
    severity: "error",
    stage: "validate",
    message: "An opportunity's price_low is above its price_high.",
    fix: "Write the lower price in price_low and the higher in price_high.",
  },
  "bad-config": {
    title: "A mistake in milepost.config.json",
    severity: "error",
    stage: "load",
    message:
      "milepost.config.json names a section, file or logo that does not exist, a section id twice, or a brand colour that reads as a status colour.",
    fix: "Write one of the ids or paths the message lists, or a colour of another hue; nothing is built until the config is right.",
  },
  "unknown-section": {
    title: "A section this customer's pack does not have",
    severity: "error",
    stage: "validate",
    message:
      "customer.json's sections or audiences name a section that is neither one of the pack's nor a custom section of milepost.config.json.",
    fix: "Write one of the section ids the message lists.",
  },
  "evidence-outside": {
    title: "Evidence linked from outside the folder",
    severity: "error",
    stage: "validate",
    message: "An evidence file is a link to a file outside the customer's folder.",
    fix: "Copy the file itself into the customer's folder: only what is inside it is published.",
  },
  "missing-evidence": {
    title: "An evidence file that does not exist",
    severity: "error",
    stage: "validate",
    message: "An evidence entry is neither a web link nor a file in the customer's folder.",
    fix: "Put the file where the message says, or write a link starting with https://.",
  },
  "evidence-outside-folder": {
    title: "Evidence outside evidence/",
    severity: "error",
    stage: "validate",
    message: "An evidence file is not in the customer's evidence/ folder.",
    fix: "Put the file in evidence/ and name it evidence/<file>: only files there are published.",
  },
  "evidence-type": {
    title: "Evidence of a type that is not published",
    severity: "error",
    stage: "validate",
    message:
      "An evidence file is not PNG, JPEG, WebP, GIF, SVG or PDF (a web page or script would be opened as an active page).",
    fix: "Save it as one of those types, or link to it with https://.",
  },
  "missing-logo": {
    title: "A logo file that does not exist",
    severity: "error",
    stage: "validate",
    message: "brand.logo or provider.logo is not a file in the customer's folder.",
    fix: "Put the image where the message says, or remove the field.",
  },
  "logo-type": {
    title: "A logo that is not an image",
    severity: "error",
    stage: "validate",
    message: "brand.logo or provider.logo is not a PNG, JPEG, WebP, GIF or SVG file.",
    fix: "Use an image of one of those types.",
  },
  "logo-overflow": {
    title: "A logo that draws past its box",
    severity: "warning",
    stage: "validate",
    message:
      "An SVG logo's drawing runs past its viewBox with the fonts a browser gives an image (none of the pages' web fonts), so its text would be cut off; the pages show it in a box widened to fit.",
    fix: "Convert the logo's text to outlines, or widen its viewBox to the one the message gives.",
  },
  "invalid-email": {
    title: "An email that is not one address",
    severity: "error",
    stage: "validate",
    message:
      "A stakeholder's email (or postClose.email) holds more than one address, a line break or another control character, a name, or no address at all.",
    fix: "Write one plain address, e.g. jordan.lee@example.com; give each person a stakeholder of their own.",
  },
  "score-out-of-scale": {
    title: "A score outside its scale",
    severity: "error",
    stage: "validate",
    message: "A CSAT score is outside its 5-point (1–5) or 10-point (0–10) scale.",
    fix: "Correct the score or the scale.",
  },
  "engagement-dates": {
    title: "An engagement ending before it starts",
    severity: "error",
    stage: "validate",
    message: "engagement.goLive or engagement.end is before engagement.start.",
    fix: "Check both dates.",
  },
  "weak-share-token": {
    title: "A share token that can be guessed",
    severity: "error",
    stage: "validate",
    message:
      "share.token is not 22 URL-safe characters holding 128 random bits, or does not look random (words, runs, repeated characters).",
    fix: "Run milepost share rotate <slug> to write a new one.",
  },
  "shared-share-token": {
    title: "A share token two customers hold",
    severity: "error",
    stage: "validate",
    message:
      "Another customer folder (a copy, or a link to the same folder) holds the same share.token: both would be published under one link.",
    fix: "Give each customer its own token: milepost share rotate <slug>.",
  },
  "sample-share-token": {
    title: "The sample data's share token",
    severity: "error",
    stage: "validate",
    message: "share.token is one of milepost's sample customers', which anyone can read.",
    fix: "Run milepost share rotate <slug> to give the customer its own.",
  },

  // Narrative MDX (src/narrative.ts)
  narrative: {
    title: "Narrative that cannot be placed",
    severity: "error",
    stage: "narrative",
    message:
      "content/<slug>/summary.mdx cannot be read as MDX, names a figure the customer does not have, runs code, imports, or shows an image from outside its folder or of another type than PNG, JPEG, WebP, GIF or SVG (with line and column).",
    fix: "Name figures with <Metric>, <Milestone> or <Roi> tags and the ids the message lists; write text without braces; keep images beside the file, as real PNG, JPEG, WebP, GIF or SVG files.",
  },

  // The model's warnings about the data (src/model/warnings.ts, worded in src/issues.ts; src/series.ts)
  "milestone-status-contradicted": {
    title: "A stated status the data contradicts",
    severity: "warning",
    stage: "model",
    message:
      "A milestone's stated status disagrees with its dates and measurements as of the as-of date; the pages show what the data says.",
    fix: "Update the status, or check achieved_date and the measurements.",
  },
  "milestone-unverified": {
    title: "An achieved milestone without evidence",
    severity: "warning",
    stage: "model",
    message: "A milestone is achieved with nothing in its evidence column; the pages mark it unverified.",
    fix: "Add a link, or a file under evidence/, to its evidence column.",
  },
  "csat-late": {
    title: "A late or missing satisfaction survey",
    severity: "warning",
    stage: "model",
    message:
      "The first satisfaction response came more than 48 hours after the engagement ended, or there is none yet.",
    fix: "Send the survey within 48 hours of the end; the close-out pack notes the delay.",
  },
  "metric-stale": {
    title: "A metric not measured lately",
    severity: "warning",
    stage: "model",
    message:
      "A metric's latest measurement is more than 45 days before the as-of date; its figures are shown as of that measurement.",
    fix: "Add a more recent measurement.",
  },
  "cost-ledger-disagrees": {
    title: "A cost and its financials row disagree",
    severity: "warning",
    stage: "model",
    message:
      "A cost in customer.json and the financials row of the same item come to different totals; the packs use the row's actual.",
    fix: "Correct whichever is wrong, so that the two agree.",
  },
  "series-bounded": {
    title: "A metric drawn from fewer points",
    severity: "warning",
    stage: "model",
    message:
      "A metric has more than 150 measurements: the charts and tables show the last of each week, month, quarter or year; every figure uses all of them.",
    fix: "Nothing to fix; report.json lists every measurement with --full-series.",
  },

  // Building (src/build.ts, worded in src/issues.ts)
  "pack-needs-data": {
    title: "A pack without the data it needs",
    severity: "error or warning",
    stage: "build",
    message:
      "A pack asked for needs a table or engagement.end the customer does not have (a warning with --pack all, when the other pack is built).",
    fix: "Add what the message names, or build another pack.",
  },
  "pack-not-due": {
    title: "A pack asked for outside its window",
    severity: "error or warning",
    stage: "build",
    message:
      "--pack asked for a pack built only at one time of the engagement (the kickoff plan: within 30 days of its start; the QBR, the monthly report and the celebrations: from its start), and the as-of date lies outside it. Asked for alone it is an error; asked for among others (--pack all,monthly) a warning, and the others are built; a build of every pack leaves it out without a word.",
    fix: "Build it with --as-of a date in its window, or build another pack.",
  },
  "no-pack-due": {
    title: "Nothing to build as of the date",
    severity: "error",
    stage: "build",
    message:
      "No pack is built for the customer as of the as-of date: the engagement has not started (engagement.start in customer.json is more than 30 days after it), so neither the kickoff plan nor the QBR is due.",
    fix: "Build with --as-of a date within 30 days of the engagement's start or later, or correct engagement.start.",
  },
  "pack-not-applicable": {
    title: "A pack asked for that the customer's report has nothing for",
    severity: "error or warning",
    stage: "build",
    message:
      "--pack asked for a document written only for some customers (the case-study draft: the internal copy of a customer with a reference ask or a strategic milestone achieved with evidence), and this one is not among them (a warning when other packs are asked for too: they are built).",
    fix: "Build it for a customer it is written for, or build another pack.",
  },
  "example-row": {
    title: "An example row of milepost init",
    severity: "error or warning",
    stage: "build",
    message:
      "A row (or a customer.json or handoff.json entry) still carries the [example] mark milepost init wrote: an error when building the customer's copy, which is not built while one remains; a warning with --copy internal and in validate.",
    fix: "Replace the row with the customer's data, or delete it.",
  },
  "browser-stopped": {
    title: "Chromium stopped while printing",
    severity: "error",
    stage: "build",
    message: "A PDF was not printed because Chromium stopped; the customer keeps its previous output.",
    fix: "Build the customer again; if Chromium stops again, run with --debug.",
  },
  "pdf-failed": {
    title: "A PDF could not be printed",
    severity: "error",
    stage: "build",
    message: "Chromium could not print a PDF; the message gives its reason.",
    fix: "Run again with --debug; if it persists, report it with the data folder.",
  },
  "not-written": {
    title: "The output could not be written",
    severity: "error",
    stage: "build",
    message: "The customer's output folder could not be written: the disk is full, or there is no permission.",
    fix: "Free some space, make the folder writable, or build into another folder with --out.",
  },

  // Publishing (src/share/publish.ts)
  "unknown-customer": {
    title: "Not a customer folder",
    severity: "error",
    stage: "publish",
    message: "The customer named has no folder in the data folder.",
    fix: "Check the name, or the data folder (--data).",
  },
  "not-built": {
    title: "A customer not built",
    severity: "error",
    stage: "publish",
    message: "The customer has no built output in the folder published from.",
    fix: "Run milepost build for it first, with the same --out.",
  },
  "missing-share-token": {
    title: "No share token",
    severity: "error",
    stage: "publish",
    message: "customer.json has no share.token, which a share link needs.",
    fix: "Run milepost share rotate <slug> to create it.",
  },
  "local-path": {
    title: "A page naming a folder of this machine",
    severity: "error",
    stage: "publish",
    message:
      "A built file names a local folder (the data or output folder); publishing stops so no local path reaches the customer.",
    fix: "Rebuild the customer with the current milepost.",
  },
  "token-of-another": {
    title: "A token published for another customer",
    severity: "error",
    stage: "publish",
    message:
      "shares.csv, or the marker of the share in the target, ties the customer's share.token to another customer: the link was sent to them.",
    fix: "Run milepost share rotate <slug> to give the customer its own link.",
  },
  "protection-dropped": {
    title: "A protected share published without --protect",
    severity: "error",
    stage: "publish",
    message:
      "The share was published with a passcode (shares.csv or the marker in the target says so); publishing it without --protect would put it in clear under the same link.",
    fix: "Add --protect (the passcode stays the same), or --unprotect to publish it in clear on purpose.",
  },
  "passcode-unknown": {
    title: "The passcode of a protected share is not in shares.csv",
    severity: "error",
    stage: "publish",
    message:
      "The target holds the customer's share protected, its pack changed, and shares.csv holds no passcode for it: sealing it again would change the passcode the customer has.",
    fix: "Publish with the shares.csv that holds the passcode (--shares), or give the customer a new link and passcode with milepost share rotate <slug>.",
  },
  "internal-copy": {
    title: "The internal copy in a folder to publish",
    severity: "error",
    stage: "publish",
    message:
      "The customer's built folder holds the internal copy (its .milepost-copy file, a page or PDF marked internal, or an …-internal.pdf), whatever manifest.json says.",
    fix: "Build the customer's copy (milepost build <slug>, without --copy internal), then publish.",
  },
  "book-of-business": {
    title: "The book of business in a folder to publish",
    severity: "error",
    stage: "publish",
    message:
      "The folder to publish is the book of business (dist/portfolio/, which milepost build --all writes: every customer's figures for the account team), or holds its page or PDF.",
    fix: "Publish each customer's own folder (milepost publish <slug>, or --all); keep the book inside the team.",
  },
} as const satisfies Record<string, ErrorData>;

/** Every code milepost reports, e.g. "missing-column". */
export type ErrorCode = keyof typeof errorCatalogue;
