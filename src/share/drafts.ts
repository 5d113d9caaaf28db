// Email drafts (RFC 5322 .eml, opened by Outlook, Apple Mail and Thunderbird as a message to
// send): one per published customer, to its stakeholders with an email address, in the
// customer's language, with the pack's headline, the share link and the PDFs attached. Never
// the passcode: it goes by another channel.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import MailComposer from "nodemailer/lib/mail-composer";
import type { Report } from "../model/contract.ts";
import { readCustomer } from "../customer.ts";
import { draftPack } from "../documents.ts";
import { translator } from "../../templates/i18n/index.ts";
import { formatFigure } from "../../templates/lib/figure.ts";
import { formatter } from "../../templates/lib/format.ts";
import { isCelebrationPdf, writeCelebrationDrafts } from "./celebrations.ts";
import type { PublishResult, ShareResult } from "./publish.ts";

interface Built {
  slug: string;
  pdfs: string[];
}

/** Writes `<into>/<slug>.eml` for each published customer with a stakeholder email; returns the files written. */
export async function writeDrafts(
  result: PublishResult,
  opts: { from: string; dataDir: string; into: string },
): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(opts.from, "manifest.json"), "utf8")) as { customers: Built[] };
  await mkdir(opts.into, { recursive: true });
  const written: string[] = [];
  for (const share of result.shares.filter((s) => s.status === "published" || s.status === "unchanged")) {
    const { customer } = await readCustomer(opts.dataDir, share.slug);
    const to = customer.stakeholders.filter((s) => s.email).map((s) => ({ name: s.name, address: s.email! }));
    const built = manifest.customers.find((c) => c.slug === share.slug);
    if (!to.length || !built) continue;
    const report = JSON.parse(await readFile(join(opts.from, share.slug, "report.json"), "utf8")) as Report;
    const { subject, text } = draftText(
      report,
      share,
      to.map((p) => p.name),
      customer.provider?.name ?? null,
    );
    // A celebration's one-pager goes with its own draft, to the sponsor.
    written.push(...(await writeCelebrationDrafts(report, customer, built.pdfs, opts)));
    const attachments = await Promise.all(
      built.pdfs
        .filter((pdf) => !isCelebrationPdf(share.slug, pdf, report))
        .map(async (pdf) => ({
          filename: pdf.split("/").pop()!,
          content: await readFile(join(opts.from, pdf)),
          contentType: "application/pdf",
        })),
    );
    const eml = await new MailComposer({
      to,
      subject,
      text,
      attachments,
      date: new Date(`${report.asOf}T12:00:00Z`),
      headers: { "X-Unsent": "1" }, // Outlook opens it as a draft to send
      xMailer: false,
    })
      .compile()
      .build();
    const file = join(opts.into, `${share.slug}.eml`);
    await writeFile(file, eml);
    written.push(file);
  }
  return written;
}

/** The subject and the short body of a customer's draft, in its language. */
export function draftText(
  report: Report,
  share: Pick<ShareResult, "link" | "protected">,
  names: string[],
  provider: string | null,
): { subject: string; text: string } {
  const { locale, currency, name: customer } = report.customer;
  const t = translator(locale); // the pages' own labels: a status, a pack's name and a change read the same in both
  const f = formatter(locale, currency);
  const drafted = draftPack(report.engagement, report.asOf);
  const pack = t(drafted.title);
  const vars = {
    customer,
    pack,
    engagement: report.engagement.name,
    period: report.period ?? "",
    date: f.date(report.asOf),
  };
  const subject = t(drafted.draft.subject, vars);
  const headline = report.headline
    .map((id) => report.metrics.find((m) => m.id === id))
    .filter((m) => m !== undefined)
    .slice(0, 2)
    .map((m) =>
      t("email.outcome", {
        name: m.name,
        from: f.value(m.baseline, m.unit),
        to: f.value(m.current, m.unit),
        change: formatFigure(f, t, "metricChange", m),
      }),
    );
  const people = new Intl.ListFormat(locale, { type: "conjunction" });
  const lines = [
    t("email.salutation", { names: people.format(names.map((name) => t("email.person", { name }))) }),
    "",
    t("email.lead", vars),
    "",
    t("email.health", { health: t(`health.${report.health.rag}`) }),
    ...headline,
    "",
    t("email.link", { link: share.link ?? "" }),
    ...(share.protected ? [t("email.passcode")] : []),
    "",
    t("email.closing"),
    "",
    t("email.signOff"),
    ...(provider ? [provider] : []),
  ];
  return { subject, text: `${lines.join("\n")}\n` };
}
