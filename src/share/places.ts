// Where publish may write what stays on this machine: shares.csv (every link and passcode) and
// the email drafts (the PDFs attached) never inside the folder it serves, drafts never without
// the address the customer opens, and a protected share never behind an http:// address.
import { constants } from "node:fs";
import { access, realpath } from "node:fs/promises";
import { basename, dirname, isAbsolute, relative, resolve } from "node:path";
import { diskError, UsageError } from "../errors.ts";

export interface Places {
  /** --to as written: a folder or s3://… */
  to: string;
  /** --shares as written (default "shares.csv"). */
  shares: string;
  drafts?: string;
  baseUrl?: string;
  protect: boolean;
  cwd: string;
}

/** Refuses (UsageError) a publish that would serve its secrets, or send a protected share over http://. */
export async function checkPlaces(p: Places): Promise<void> {
  if (p.drafts && !p.baseUrl)
    throw new UsageError(
      "--drafts needs --base-url",
      "without it each draft's link would be a folder of this machine: add the address the target is served at, e.g. --base-url https://packs.example.com/q3/",
    );
  if (!/^s3:/.test(p.to)) {
    const root = await real(resolve(p.cwd, p.to));
    const served = async (path: string) => {
      const rel = relative(root, await real(resolve(p.cwd, path)));
      return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel)) ? `/${rel.split("\\").join("/")}` : null;
    };
    const shares = await served(p.shares);
    if (shares)
      throw new UsageError(
        `${p.shares} is inside --to ${p.to}: every link and passcode would be served at ${shares}`,
        p.shares === "shares.csv"
          ? "publish to a folder of its own (e.g. --to public), or keep the list elsewhere with --shares ../shares.csv"
          : "keep the list outside the published folder, e.g. --shares ../shares.csv",
      );
    const drafts = p.drafts ? await served(p.drafts) : null;
    if (drafts)
      throw new UsageError(
        `--drafts ${p.drafts} is inside --to ${p.to}: the email drafts, their PDFs attached, would be served at ${drafts}`,
        "write the drafts outside the published folder, e.g. --drafts drafts with --to public",
      );
  }
  for (const [path, what, flag] of [
    [p.to, `the target folder ${p.to}`, "--to"],
    [p.shares, `the list of links and passcodes ${p.shares}`, "--shares"],
    [p.drafts, `the email drafts folder ${p.drafts}`, "--drafts"],
  ] as const) {
    if (!path || /^s3:/.test(path)) continue;
    // Before anything is uploaded: a passcode shown once must reach shares.csv.
    const denied = await cannotWrite(resolve(p.cwd, path));
    if (denied) throw diskError(denied, what, elsewhere(flag)) ?? denied;
  }
  if (
    p.protect &&
    p.baseUrl &&
    /^http:\/\//i.test(p.baseUrl) &&
    !/^http:\/\/(localhost|127\.0\.0\.1)[:/]/i.test(p.baseUrl)
  )
    throw new UsageError(
      `--protect with the address ${p.baseUrl}: browsers unlock a protected share only over https, so the customer could not open it`,
      "serve the target over https and write --base-url https://… (http://localhost and http://127.0.0.1 are accepted, for trying a share on this machine)",
    );
}

/** The path with every symbolic link of its existing part resolved (the rest may not exist yet). */
async function real(path: string): Promise<string> {
  const found = await realpath(path).catch(() => null);
  if (found) return found;
  const parent = dirname(path);
  return parent === path ? path : resolve(await real(parent), basename(path));
}

/** What a disk error tells the person to do instead, for the option that names the place. */
export const elsewhere = (flag: "--to" | "--shares" | "--drafts") => ({
  full: `write to another disk with ${flag}`,
  denied: `choose another folder with ${flag}`,
  kept: "What was written so far stays; publish again once there is room.",
});

/** Why `path` (a file or folder, which may not exist yet) cannot be written, or null. */
async function cannotWrite(path: string): Promise<NodeJS.ErrnoException | null> {
  let at = path;
  while (!(await exists(at)) && dirname(at) !== at) at = dirname(at);
  return access(at, constants.W_OK).then(
    () => null,
    (err: NodeJS.ErrnoException) => err,
  );
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
