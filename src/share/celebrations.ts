// The celebration drafts of `milepost publish --drafts`: for each milestone the published folder celebrates (its
// one-pager printed), an .eml to the sponsor — the stakeholders of the executive audience with an email address,
// else every one with an address — in the customer's language, with the one-pager attached.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import MailComposer from "nodemailer/lib/mail-composer";
import type { Celebration } from "../model/celebrate.ts";
import type { Report } from "../model/contract.ts";
import type { Customer } from "../schema.ts";
import { fileSafe, PRINT_DEFS } from "../documents.ts";
import { translator } from "../../templates/i18n/index.ts";
import { formatFigure } from "../../templates/lib/figure.ts";
import { formatter } from "../../templates/lib/format.ts";
import { shownTarget } from "../model/milestones.ts";

/** What a celebration's draft reads of report.json. */
type Celebrated = Pick<Report, "customer" | "asOf" | "metrics" | "milestones" | "celebrations">;

/** The file name of a celebration's one-pager, e.g. "acme-celebrate-ms2.pdf". */
export function celebrationPdf(slug: string, milestone: string): string {
  return PRINT_DEFS.celebrate.pdf(slug, fileSafe(milestone));
}

/** Whether a PDF of the folder is a celebration's one-pager (it goes with its own draft, not the pack's). */
export function isCelebrationPdf(slug: string, pdf: string, report: Pick<Report, "celebrations">): boolean {
  const name = pdf.split("/").pop()!;
  return report.celebrations.items.some((c) => celebrationPdf(slug, c.milestone) === name);
}

/** The sponsor a celebration is sent to: the executive stakeholders with an address, else every one with one. */
export function sponsors(customer: Pick<Customer, "stakeholders">): { name: string; address: string }[] {
  const mailed = customer.stakeholders.filter((s) => s.email);
  const executives = mailed.filter((s) => s.audience === "executive");
  return (executives.length ? executives : mailed).map((s) => ({ name: s.name, address: s.email! }));
}

/** The subject and body of one celebration's draft, in the customer's language. */
export function celebrationText(
  report: Celebrated,
  c: Celebration,
  names: string[],
  provider: string | null,
): { subject: string; text: string } {
  const { locale, currency, name: customer } = report.customer;
  const t = translator(locale);
  const f = formatter(locale, currency);
  const m = report.milestones.find((x) => x.id === c.milestone)!;
  const metric = c.metric === null ? null : report.metrics.find((x) => x.id === c.metric)!;
  const next = c.next === null ? null : report.milestones.find((x) => x.id === c.next)!;
  const people = new Intl.ListFormat(locale, { type: "conjunction" });
  const lines = [
    t("email.salutation", { names: people.format(names.map((name) => t("email.person", { name }))) }),
    "",
    t("email.celebrate.lead", { customer, milestone: m.name, date: f.date(c.achievedOn) }),
    "",
    ...(metric && c.before !== null && c.after !== null
      ? [
          t("email.celebrate.result", {
            name: metric.name,
            from: f.value(c.before, metric.unit),
            to: f.value(c.after, metric.unit),
            change: formatFigure(f, t, "metricChange", metric),
          }),
        ]
      : []),
    ...(m.businessImpact ? [m.businessImpact] : []),
    ...(c.value !== null ? [t("email.celebrate.value", { value: f.money(c.value) })] : []),
    "",
    t("email.celebrate.attached"),
    ...(next ? [t("email.celebrate.next", { milestone: next.name, date: f.date(shownTarget(next).date) })] : []),
    "",
    t("email.signOff"),
    ...(provider ? [provider] : []),
  ];
  return {
    subject: t("email.celebrate.subject", { customer, milestone: m.name }),
    text: `${lines.join("\n")}\n`,
  };
}

/** Writes `<into>/<slug>-celebrate-<milestone>.eml` for each celebration whose one-pager `pdfs` holds; returns the files. */
export async function writeCelebrationDrafts(
  report: Celebrated,
  customer: Customer,
  pdfs: readonly string[],
  opts: { from: string; into: string },
): Promise<string[]> {
  const to = sponsors(customer);
  if (!to.length) return [];
  const written: string[] = [];
  for (const c of report.celebrations.items) {
    const name = celebrationPdf(report.customer.slug, c.milestone);
    const pdf = pdfs.find((p) => p.split("/").pop() === name);
    if (!pdf) continue;
    const { subject, text } = celebrationText(
      report,
      c,
      to.map((p) => p.name),
      customer.provider?.name ?? null,
    );
    const eml = await new MailComposer({
      to,
      subject,
      text,
      attachments: [{ filename: name, content: await readFile(join(opts.from, pdf)), contentType: "application/pdf" }],
      date: new Date(`${report.asOf}T12:00:00Z`),
      headers: { "X-Unsent": "1" },
      xMailer: false,
    })
      .compile()
      .build();
    const file = join(opts.into, name.replace(/\.pdf$/, ".eml"));
    await writeFile(file, eml);
    written.push(file);
  }
  return written;
}
