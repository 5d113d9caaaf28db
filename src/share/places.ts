// Where `milepost publish` may write, checked before anything is read or written: the target is
// what it looks like (not `s3:/x`, `s3://`, `..` in a key), not a system folder, the build folder or
// inside the data; shares.csv (every link and passcode) and the email drafts (the PDFs attached)
// never inside the folder it serves; drafts never without the address the customer opens; a
// protected share never behind an http:// address. Each refusal names the fix.
import { constants, existsSync, realpathSync } from "node:fs";
import { access } from "node:fs/promises";
import { homedir } from "node:os";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
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
    const root = real(resolve(p.cwd, p.to));
    const served = async (path: string) => {
      const rel = relative(root, real(resolve(p.cwd, path)));
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

/** Folders no share target may be: the roots of the system and of the user. */
const SYSTEM = ["/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib64", "/opt", "/proc", "/root"].concat([
  "/run",
  "/sbin",
  "/srv",
  "/sys",
  "/tmp",
  "/usr",
  "/usr/local",
  "/var",
  "/var/www",
  "/Users",
  "/Volumes",
]);

/** A bucket name as S3 allows it, then an optional prefix. */
const S3 = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/;

/** Throws a UsageError naming the fix when `to` is an odd or dangerous target for the build `from` and the data `dataDir`. */
export function refuseOddTarget(opts: { to: string; from: string; dataDir: string }): void {
  const { to } = opts;
  if (/^s3:/i.test(to)) {
    const s3 = S3.exec(to);
    if (!s3)
      throw new UsageError(
        `--to ${to} is not an S3 address`,
        "write s3://<bucket>/<prefix>, e.g. --to s3://packs/q3 (a bucket name of 3 to 63 lowercase letters, digits, dots and hyphens)",
      );
    const parts = (s3[2] ?? "").replace(/\/+$/, "").split("/");
    if (s3[2] && parts.some((p) => p === "" || p === "." || p === ".."))
      throw new UsageError(
        `--to ${to} has an empty, . or .. part in its prefix`,
        `write the prefix as plain names, e.g. --to s3://${s3[1]}/q3`,
      );
    return;
  }
  const target = real(resolve(to));
  const shown = relative(process.cwd(), target) || ".";
  if (SYSTEM.includes(target) || target === real(homedir()))
    throw new UsageError(
      `--to ${to} is a system folder (${target})`,
      "publish into a folder of its own, e.g. --to /srv/packs/q3 or --to public",
    );
  const from = real(resolve(opts.from));
  const data = real(resolve(opts.dataDir));
  if (within(target, from) || within(from, target))
    throw new UsageError(
      target === from
        ? `--to ${shown} is the build folder (--from)`
        : `--to ${shown} and the build folder ${relative(process.cwd(), from) || "."} are inside one another`,
      "publish into a folder of its own beside the build, e.g. --to public: the build folder holds report.json and the internal notes",
    );
  if (within(target, data) || within(data, target))
    throw new UsageError(
      `--to ${shown} and the data folder ${relative(process.cwd(), data) || "."} are inside one another`,
      "publish into a folder outside the data folder, e.g. --to public: the data folder holds every customer's source rows",
    );
}

/** Whether `inner` is `outer` or inside it. */
const within = (inner: string, outer: string) =>
  inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);

/** The path with symbolic links resolved, for as much of it as exists. */
function real(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  const parent = dirname(path);
  return parent === path ? path : join(real(parent), basename(path));
}
