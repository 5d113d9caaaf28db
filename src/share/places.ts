// Where `milepost publish` may write: refuses, before anything is read or written, a target that
// is not what it looks like (`s3:/x`, `s3://`, `..` in a key), a system folder, the build folder,
// or a folder inside the data — each with the fix.
import { existsSync, realpathSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { UsageError } from "../errors.ts";

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
