// The command line of `milepost publish` and `milepost share rotate`: flags in, a summary out.
import { resolve } from "node:path";
import { readConfig } from "../build.ts";
import { diskError, formatIssue, UsageError } from "../errors.ts";
import { writeDrafts } from "./drafts.ts";
import { checkPlaces, elsewhere, refuseOddTarget } from "./places.ts";
import { publish, type PublishResult } from "./publish.ts";
import { rotate } from "./rotate.ts";

interface Flags {
  all?: boolean;
  data: string;
  json?: boolean;
  to?: string;
  from: string;
  "base-url"?: string;
  config: string;
  endpoint?: string;
  protect?: boolean;
  unprotect?: boolean;
  expires?: string;
  prune?: boolean;
  drafts?: string;
  shares: string;
}

/** Runs `publish` or `share rotate`; returns the exit code. */
export async function shareCommand(
  command: "publish" | "share",
  args: string[],
  flags: Flags,
  today: string,
): Promise<number> {
  const write = (s: string) => process.stdout.write(`${s}\n`);
  if (command === "share") {
    const [action, slug, ...rest] = args;
    if (action !== "rotate" || !slug || rest.length)
      throw new UsageError("Which share?", "write milepost share rotate <customer>, e.g. milepost share rotate acme");
    const token = await rotate(resolve(flags.data), slug);
    write(
      flags.json
        ? JSON.stringify({ slug, token })
        : `✓ ${slug} — new share token ${token}\n  The old link keeps working until the next milepost publish --prune.`,
    );
    return 0;
  }
  if (!flags.to) throw new UsageError("Publish where?", "add --to <folder> or --to s3://bucket/prefix");
  if (args.length === 0 && !flags.all)
    throw new UsageError(
      "Which customers?",
      "name them (milepost publish acme --to …) or publish every one built with --all",
    );
  if (flags.expires && !/^\d{4}-\d{2}-\d{2}$/.test(flags.expires))
    throw new UsageError(
      `--expires ${flags.expires} is not a date`,
      "write the last day the links open as YYYY-MM-DD, e.g. --expires 2026-12-31",
    );
  if (flags.expires && flags.expires < today)
    throw new UsageError(`--expires ${flags.expires} is in the past`, `write a day from ${today} on`);
  if (flags.protect && flags.unprotect)
    throw new UsageError(
      "--protect or --unprotect?",
      "give one of them: --unprotect publishes in clear a share that was protected",
    );
  if (flags["base-url"] && !/^https?:\/\//.test(flags["base-url"]))
    throw new UsageError(
      `--base-url ${flags["base-url"]} is not a web address`,
      "write it with https://, e.g. --base-url https://packs.example.com/q3/",
    );
  // The flag wins; else milepost.config.json's (a mistake in the file stops here, as it stops a build).
  const baseUrl = flags["base-url"] ?? (await readConfig({ configDir: resolve(flags.config) })).baseUrl ?? undefined;
  // The target first (publish() checks it again for callers of the API), then where the secrets go.
  refuseOddTarget({ to: flags.to, from: flags.from, dataDir: flags.data });
  await checkPlaces({
    to: flags.to,
    shares: flags.shares,
    drafts: flags.drafts,
    baseUrl,
    protect: flags.protect ?? false,
    cwd: process.cwd(),
  });
  const result = await publish({
    from: resolve(flags.from),
    dataDir: resolve(flags.data),
    to: /^s3:/i.test(flags.to) ? flags.to : resolve(flags.to),
    endpoint: flags.endpoint,
    baseUrl,
    customers: args.length ? args : "all",
    protect: flags.protect ?? false,
    unprotect: flags.unprotect ?? false,
    expires: flags.expires ?? null,
    prune: flags.prune ?? false,
    sharesFile: resolve(flags.shares),
    today,
  }).catch((err: NodeJS.ErrnoException) => {
    throw err.path === resolve(flags.shares)
      ? (diskError(err, `the list of links and passcodes ${flags.shares}`, elsewhere("--shares")) ?? err)
      : (diskError(err, `the target folder ${flags.to}`, elsewhere("--to")) ?? err);
  });
  let failed: unknown = null;
  const drafts = flags.drafts
    ? await writeDrafts(result, {
        from: resolve(flags.from),
        dataDir: resolve(flags.data),
        into: resolve(flags.drafts),
      }).catch((err: unknown) => {
        // The summary still prints: it may hold a passcode shown this once.
        failed = diskError(err, `the email drafts folder ${flags.drafts}`, elsewhere("--drafts")) ?? err;
        return [];
      })
    : [];
  if (flags.json) write(JSON.stringify({ ...result, drafts }, null, 2));
  else printSummary(result, flags.shares, drafts.length, flags.drafts, baseUrl !== undefined);
  if (failed) throw failed;
  return result.shares.some((s) => s.status === "failed") ? 1 : 0;
}

function printSummary(
  r: PublishResult,
  shares: string,
  drafts: number,
  draftsDir: string | undefined,
  based: boolean,
): void {
  const write = (s: string) => process.stdout.write(`${s}\n`);
  for (const s of r.shares) {
    if (s.status === "failed") {
      write(`✗ ${s.slug} — not published`);
      for (const issue of s.issues) write(`    error  ${formatIssue(issue)}`);
      continue;
    }
    if (s.status === "expired") {
      write(
        `– ${s.slug} — expired on ${s.expires}, not published${r.pruned.includes(s.token!) ? " (deleted)" : " (run with --prune to delete it)"}`,
      );
      continue;
    }
    const what = s.status === "published" ? `${s.uploaded} file${s.uploaded === 1 ? "" : "s"} uploaded` : "unchanged";
    write(`✓ ${s.name} — ${what}`);
    write(`    link      ${s.link}`);
    write(`    expires   ${s.expires ?? "never (a static link lasts until it is pruned)"}`);
    if (s.protected) write(`    passcode  ${s.passcode ?? `as before (in ${shares})`}`);
  }
  if (r.pruned.length)
    write(
      `\nDeleted ${r.pruned.length} old share${r.pruned.length === 1 ? "" : "s"} (expired, rotated or no longer published).`,
    );
  const ok = r.shares.filter((s) => s.status === "published" || s.status === "unchanged").length;
  write(
    `\nPublished ${ok} of ${r.shares.length} to ${r.target} (${r.uploaded} file${r.uploaded === 1 ? "" : "s"} uploaded, ${r.deleted} deleted). Links${r.shares.some((s) => s.protected) ? " and passcodes" : ""}: ${shares}`,
  );
  if (!based && r.shares.some((s) => s.link))
    write(
      `The links are local paths in ${r.target}, not web addresses: give the address it is served at with --base-url https://… or "baseUrl" in milepost.config.json, and publish again.`,
    );
  if (r.shares.some((s) => s.passcode))
    write("Send each passcode by another channel than its link (a call, a message): it is shown here once.");
  if (draftsDir) write(`Email drafts: ${drafts} in ${draftsDir}/`);
}
