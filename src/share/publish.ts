// `milepost publish`: the customer-facing copy of each built pack goes to a target, under the
// customer's share token, optionally sealed with a passcode; expired and revoked shares are
// pruned; shares.csv on this machine keeps the links and passcodes. (src/publish.ts is the
// build's swap into dist/, not this.)
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { checkpoint } from "../checkpoint.ts";
import { MilepostError, type DataIssue } from "../errors.ts";
import type { ErrorCode } from "../errors-data.ts";
import { loadCustomer } from "../load.ts";
import { PORTFOLIO_DIR } from "../portfolio/write.ts";
import type { CustomerData } from "../schema.ts";
import { validateCustomer } from "../validate.ts";
import { customerFiles, ROBOTS_TXT, type ShareFile } from "./files.ts";
import { bookMark, internalMark } from "./internal.ts";
import { holdBuildFolder } from "./lock.ts";
import { holdsExactly, MARKER, ownerOf, readMarker, writeMarker, type Marker } from "./marker.ts";
import { refuseOddTarget } from "./places.ts";
import { HEADERS } from "./policy.ts";
import { newPasscode, protect } from "./protect.ts";
import { readShares, writeShares, type ShareRow } from "./shares.ts";
import { md5, openTarget, type Target, type TargetFile } from "./target.ts";
import { sharedTokenIssues, tokenHolders, tokenProblem, type TokenHolder } from "./tokens.ts";

export interface PublishOptions {
  /** The build's output folder (dist). */
  from: string;
  dataDir: string;
  /** A folder or s3://bucket/prefix. */
  to: string;
  endpoint?: string;
  /** What a link starts with, e.g. "https://packs.example.com/q3/"; without it links are paths in the target. */
  baseUrl?: string;
  customers: string[] | "all";
  protect: boolean;
  /** Publish in clear a share that was protected (--unprotect): without it, such a share is refused. */
  unprotect?: boolean;
  /** The last day links open, for customers whose customer.json sets no share.expires. */
  expires: string | null;
  prune: boolean;
  sharesFile: string;
  /** The local date, YYYY-MM-DD: a share whose expiry is before it is not published, and pruned. */
  today: string;
}

export interface ShareResult {
  slug: string;
  name: string;
  status: "published" | "unchanged" | "expired" | "failed";
  token: string | null;
  link: string | null;
  expires: string | null;
  /** Shown the first time a passcode is generated for this token; null otherwise. */
  passcode: string | null;
  protected: boolean;
  uploaded: number;
  issues: DataIssue[];
}

export interface PublishResult {
  target: string;
  shares: ShareResult[];
  uploaded: number;
  /** Share tokens removed from the target (expired, rotated, or no longer published). */
  pruned: string[];
  deleted: number;
}

/** The entry points of a share, uploaded last (in this order): a reader finds the old share or the new one whole. */
const ENTRY = ["lock.json", "index.html"];

interface Manifest {
  customers: {
    slug: string;
    name: string;
    status?: string;
    health: string;
    period: string | null;
    asOf: string;
    pdfs: string[];
    copy?: "internal";
  }[];
}

/** A customer of the data folder as publishing sees it. */
interface Known {
  slug: string;
  data: CustomerData | null;
  issues: DataIssue[];
  /** As customer.json writes them, even when the folder has errors (its published share is kept). */
  token: string | null;
  expires: string | null;
  /** Where the customer is kept, as errors name it: "customer.json" or "customer.xlsx[customer]". */
  file: string;
}

export async function publish(opts: PublishOptions): Promise<PublishResult> {
  refuseOddTarget(opts);
  const shownFrom = relative(process.cwd(), opts.from) || ".";
  if (!existsSync(opts.from)) await readManifest(opts.from);
  // The build's lock: no build swaps a folder in while this publish reads it.
  const release = await holdBuildFolder(opts.from, shownFrom);
  try {
    return await publishHeld(opts);
  } finally {
    await release();
  }
}

async function publishHeld(opts: PublishOptions): Promise<PublishResult> {
  const manifest = await readManifest(opts.from);
  // A customer the build failed for with no earlier output has nothing to publish.
  const built = new Map(manifest.customers.filter((c) => c.status !== "failed").map((c) => [c.slug, c]));
  const known = await knownCustomers(opts.dataDir);
  const wanted = opts.customers === "all" ? manifest.customers.map((c) => c.slug) : opts.customers;
  const internal = wanted.filter((slug) => built.get(slug)?.copy === "internal");
  if (internal.length > 0)
    throw new MilepostError(
      "The internal copy is never published",
      `${internal.join(", ")} in ${relative(process.cwd(), opts.from) || "."} ${internal.length === 1 ? "was" : "were"} built with --copy internal: coaching notes, to-dos and triage meant for the account team only.`,
      `build the customer's copy first (milepost build ${internal.join(" ")}, without --copy internal; or into another --out), then publish`,
    );
  const target = openTarget(opts.to, { endpoint: opts.endpoint });
  const hint = opts.to.startsWith("s3://")
    ? "check the bucket name, --endpoint and the AWS credentials in your environment or profile"
    : "check the folder and its permissions";
  const remote = await target.list().catch((err: Error) => {
    throw new MilepostError(`${target.label} cannot be read`, err.message, hint, { cause: err });
  });
  const previous = await readShares(opts.sharesFile);
  const put = (file: TargetFile) =>
    remote.get(file.key) === md5(file.body) ? Promise.resolve(false) : target.put(file).then(() => true);
  const context: Context = {
    opts,
    previous,
    remote,
    target,
    put,
    holders: await tokenHolders(opts.dataDir),
  };

  const shares: ShareResult[] = [];
  const digests = new Map<string, string>();
  const keep = new Map<string, Set<string> | null>(); // token → the keys this run published (null: keep all)
  const expired = new Set<string>();
  let uploaded = 0;
  for (const slug of wanted) {
    const result = await publishOne(slug, built.get(slug), known.get(slug), context);
    shares.push(result.share);
    if (result.digest) digests.set(slug, result.digest);
    uploaded += result.share.uploaded;
    if (result.share.token && result.keys) keep.set(result.share.token, result.keys);
    if (result.share.status === "expired") expired.add(result.share.token!);
  }
  for (const [path, body] of [
    ["robots.txt", ROBOTS_TXT],
    ["_headers", headersFile()],
  ] as const) {
    if (
      await put({
        key: path,
        body: new TextEncoder().encode(body),
        type: "text/plain; charset=utf-8",
        cache: "no-cache",
      })
    )
      uploaded++;
  }

  // Shares of customers not in this run stay while their token is in the data, built, and not expired.
  const rowByToken = new Map(previous.map((r) => [r.token, r]));
  for (const k of known.values()) {
    const token = k.token;
    if (!token || keep.has(token) || expired.has(token) || !built.has(k.slug)) continue;
    const expires = k.expires ?? (rowByToken.get(token)?.expires || null);
    if (!(expires && expires < opts.today)) keep.set(token, null);
  }
  // Only milepost's shares: a token folder with its marker, or a token of shares.csv. Anything else is left alone.
  const ours = new Set([
    ...previous.map((r) => r.token),
    ...[...remote.keys()].filter((k) => k.endsWith(`/${MARKER}`)).map((k) => k.split("/")[0]),
  ]);
  const stale: string[] = [];
  const pruning = new Set<string>();
  for (const key of remote.keys()) {
    const token = key.split("/")[0];
    if (!key.includes("/") || !ours.has(token)) continue;
    const keys = keep.get(token);
    if (keys === undefined) {
      if (!opts.prune) continue;
      pruning.add(token);
      stale.push(key);
    } else if (keys !== null && !keys.has(key)) stale.push(key);
  }
  // shares.csv first, so a passcode is kept whatever happens to the deletes; then again without what was pruned.
  const rowsWithout = (gone: Set<string>) => {
    const rows = new Map(previous.filter((r) => !gone.has(r.token)).map((r) => [r.token, r]));
    for (const s of shares) {
      if (s.status !== "published" && s.status !== "unchanged") continue;
      const before = rowByToken.get(s.token!);
      rows.set(s.token!, {
        customer: s.name,
        slug: s.slug,
        link: s.link!,
        expires: s.expires ?? "",
        token: s.token!,
        passcode: s.protected ? (s.passcode ?? before?.passcode ?? "") : "",
        published: s.status === "published" ? opts.today : (before?.published ?? opts.today),
        digest: s.protected ? (digests.get(s.slug) ?? before?.digest ?? "") : "",
      });
    }
    return [...rows.values()].sort((a, b) => a.slug.localeCompare(b.slug));
  };
  await writeShares(opts.sharesFile, rowsWithout(new Set()));
  checkpoint("share:pruning");
  const left = stale.length ? await removeInOrder(target, stale) : [];
  const live = new Set(left.map((l) => l.key.split("/")[0]));
  const pruned = new Set([...pruning].filter((t) => !live.has(t)));
  if (pruned.size > 0) await writeShares(opts.sharesFile, rowsWithout(pruned));
  if (left.length > 0)
    throw notRemoved(
      left,
      target.label,
      [...pruning].filter((t) => live.has(t)),
    );
  return {
    target: target.label,
    shares,
    uploaded,
    pruned: [...pruned].sort(),
    deleted: stale.length - left.length,
  };
}

/** Deletes `keys` (markers last): the files still there, with why. */
async function removeInOrder(target: Target, keys: string[]) {
  const markers = keys.filter((k) => k.endsWith(`/${MARKER}`));
  const left = await target.remove(keys.filter((k) => !k.endsWith(`/${MARKER}`)));
  const live = new Set(left.map((l) => l.key.split("/")[0]));
  // A share some of whose files could not be deleted keeps its marker: the next prune tries again.
  return [...left, ...(await target.remove(markers.filter((m) => !live.has(m.split("/")[0]))))];
}

/** The error of a prune or a clean-up that left files in place: what is still live, and why. */
function notRemoved(left: { key: string; reason: string }[], label: string, tokens: string[]): MilepostError {
  const shown = left.slice(0, 10).map((l) => `  ${label.replace(/\/*$/, "/")}${l.key} — ${l.reason}`);
  if (left.length > 10) shown.push(`  … and ${left.length - 10} more`);
  return new MilepostError(
    `${left.length} file${left.length === 1 ? " was" : "s were"} not deleted: ${tokens.length ? `${tokens.length} share${tokens.length === 1 ? " is" : "s are"} still live` : "old files are still live"}`,
    `${tokens.length ? `Still live: ${tokens.join(", ")}\n` : ""}${shown.join("\n")}`,
    label.startsWith("s3://")
      ? "allow s3:DeleteObject on the prefix to the credentials publish uses (a bucket policy or IAM), then run the same publish again"
      : "check the permissions of the target folder, then run the same publish again",
  );
}

/** What every customer's publish reads: the run's options, shares.csv, the target and its listing, the data's tokens. */
interface Context {
  opts: PublishOptions;
  previous: ShareRow[];
  remote: Map<string, string>;
  target: Target;
  put: (file: TargetFile) => Promise<boolean>;
  holders: TokenHolder[];
}

async function publishOne(
  slug: string,
  build: Manifest["customers"][number] | undefined,
  known: Known | undefined,
  { opts, previous, remote, target, put, holders }: Context,
): Promise<{ share: ShareResult; keys: Set<string> | null; digest?: string }> {
  const share: ShareResult = {
    slug,
    name: build?.name ?? slug,
    status: "failed",
    token: null,
    link: null,
    expires: null,
    passcode: null,
    protected: opts.protect,
    uploaded: 0,
    issues: [],
  };
  const fail = (
    file: string,
    field: string | undefined,
    value: unknown,
    problem: string,
    fix: string,
    code: ErrorCode,
  ) => {
    share.issues.push({ severity: "error", file, field, value, problem, fix, code });
    return { share, keys: null };
  };
  const dataDir = relative(process.cwd(), join(opts.dataDir, slug)) || ".";
  const fromDir = relative(process.cwd(), opts.from) || ".";
  if (slug === PORTFOLIO_DIR && !known) return fail(...bookOfBusiness(`${fromDir}/${slug}`));
  if (!known)
    return fail(
      dataDir,
      undefined,
      undefined,
      "is not a customer folder",
      `check the name, or the data folder (--data ${relative(process.cwd(), opts.dataDir) || "."})`,
      "unknown-customer",
    );
  if (!known.data) {
    share.issues = known.issues.filter((i) => i.severity === "error");
    return { share, keys: null };
  }
  const customer = known.data.customer;
  share.name = customer.name;
  if (!build)
    return fail(
      fromDir,
      undefined,
      slug,
      "has not been built",
      `run milepost build ${slug} first (with --out ${fromDir})`,
      "not-built",
    );
  const token = customer.share?.token;
  if (!token)
    return fail(
      `${dataDir}/${known.file}`,
      "share.token",
      undefined,
      "is missing: a share link needs one",
      `run milepost share rotate ${slug} to create it`,
      "missing-share-token",
    );
  share.token = token;
  // One customer per token: the token's shape, the other customer folders, shares.csv and the target's marker.
  const sampleDir = join(import.meta.dirname, "..", "..", "data");
  const tokenIssues = await sharedTokenIssues(opts.dataDir, slug, holders, sampleDir);
  if (tokenIssues.length) {
    share.issues = tokenIssues;
    return { share, keys: null };
  }
  const weak = tokenProblem(token);
  if (weak)
    return fail(
      `${dataDir}/customer.json`,
      "share.token",
      token,
      weak,
      `run milepost share rotate ${slug}`,
      "weak-share-token",
    );
  const row = previous.find((r) => r.token === token);
  const marker = await readMarker(target, token);
  const otherRow = row && row.slug !== slug ? row.slug : null;
  if (otherRow || (marker && marker.owner !== ownerOf(token, slug)))
    return fail(
      `${dataDir}/customer.json`,
      "share.token",
      token,
      otherRow
        ? `is the token ${relative(process.cwd(), opts.sharesFile)} gives ${otherRow}: this link was sent to another customer`
        : `is the token of another customer's share in ${target.label}: this link was sent to another customer`,
      `run milepost share rotate ${slug} to give ${slug} its own link`,
      "token-of-another",
    );

  share.expires = customer.share?.expires ?? opts.expires;
  share.link = linkFor(opts, token);
  if (share.expires && share.expires < opts.today) {
    share.status = "expired";
    return { share, keys: null };
  }

  // Protection is sticky: a share that was protected is published in clear only with --unprotect.
  const wasProtected = Boolean(row?.passcode) || marker?.protected === true;
  if (wasProtected && !opts.protect && !opts.unprotect)
    return fail(
      `${dataDir}/customer.json`,
      "share.token",
      token,
      "was published with a passcode: publishing it without --protect would put it in clear under the same link",
      "add --protect (the passcode stays the same), or --unprotect to publish it in clear on purpose",
      "protection-dropped",
    );

  const dir = join(opts.from, slug);
  let files = await customerFiles(dir);
  const mark = await internalMark(dir, files);
  if (mark)
    return fail(
      `${fromDir}/${slug}`,
      undefined,
      undefined,
      `holds the internal copy (${mark}): it is never published`,
      `build the customer's copy (milepost build ${slug}, without --copy internal), then publish`,
      "internal-copy",
    );
  const book = bookMark(files);
  if (book) return fail(...bookOfBusiness(`${fromDir}/${slug}/${book}`));
  const leak = findLocalPath(files, [resolve(opts.dataDir), resolve(opts.from)]);
  if (leak)
    return fail(
      `${fromDir}/${slug}/${leak}`,
      undefined,
      undefined,
      "names a folder of this machine",
      "rebuild the customer with the current milepost; publishing stops here so no local path reaches the customer",
      "local-path",
    );

  let source: string | null = null;
  if (opts.protect) {
    source = digestOf(files, share.expires);
    // Sealing draws a new salt and IVs: a share whose target holds exactly the sealed set of this pack is left as it is.
    if (marker?.protected && marker.source === source && holdsExactly(remote, token, marker)) {
      share.status = "unchanged";
      return {
        share,
        keys: new Set([...Object.keys(marker.files!), MARKER].map((p) => `${token}/${p}`)),
        digest: source,
      };
    }
    // A protected publish that never finished (its marker lists no files) never showed its passcode: a new one is fine.
    if (wasProtected && !row?.passcode && marker?.files)
      return fail(
        relative(process.cwd(), opts.sharesFile),
        "passcode",
        token,
        `holds no passcode for ${slug}, whose share in ${target.label} is protected: sealing it again would change the passcode the customer has`,
        `publish with the shares.csv that holds it (--shares), or give ${slug} a new link and passcode with milepost share rotate ${slug}`,
        "passcode-unknown",
      );
    const passcode = row?.passcode || newPasscode();
    if (!row?.passcode) share.passcode = passcode;
    files = await protect(files, { passcode, expires: share.expires, locale: customer.locale });
  }
  const owner = ownerOf(token, slug);
  // Protected: the marker says so before any file moves, so an interrupted run is never taken for an open share.
  if (opts.protect && !marker?.protected)
    await writeMarker(target, token, { milepost: 1, owner, protected: true, source: null, files: null });
  checkpoint("share:marked");
  const keys = new Set<string>([`${token}/${MARKER}`]);
  const sums: Record<string, string> = {};
  const upload = async (f: ShareFile) => {
    const key = `${token}/${f.path}`;
    keys.add(key);
    sums[f.path] = md5(f.body);
    if (await put({ key, body: f.body, type: f.type, cache: f.cache })) share.uploaded++;
  };
  await pool(
    files.filter((f) => !ENTRY.includes(f.path)),
    8,
    upload,
  );
  checkpoint("share:files");
  for (const f of ENTRY.map((path) => files.find((x) => x.path === path)).filter((f) => f !== undefined)) {
    await upload(f);
    checkpoint(`share:${f.path}`);
  }
  const done: Marker = { milepost: 1, owner, protected: opts.protect, source, files: sums };
  if (!marker || JSON.stringify(marker) !== JSON.stringify(done)) await writeMarker(target, token, done);
  share.status = share.uploaded > 0 ? "published" : "unchanged";
  return { share, keys, digest: source ?? undefined };
}

/** The book-of-business issue of the book's folder, or of its page or PDF found in a customer's folder. */
function bookOfBusiness(where: string): [string, undefined, undefined, string, string, "book-of-business"] {
  return [
    where,
    undefined,
    undefined,
    `is the book of business: every customer's figures, for the account team only; it is never published`,
    "publish each customer's own folder (milepost publish <slug>, or --all); keep the book inside the team",
    "book-of-business",
  ];
}

/** The link of a share: the base URL and the token, or without a base URL its folder in the target. */
export function linkFor(opts: Pick<PublishOptions, "baseUrl" | "to">, token: string): string {
  const base = opts.baseUrl ?? opts.to;
  return `${base.replace(/\/*$/, "/")}${token}/`;
}

/** Every customer folder of the data folder, loaded and validated (a failing one keeps its published share). */
async function knownCustomers(dataDir: string): Promise<Map<string, Known>> {
  const entries = await readdir(dataDir, { withFileTypes: true }).catch(() => {
    throw new MilepostError(
      `${dataDir} is not a folder`,
      "publish reads each customer's share token from the data folder",
      "point --data at the folder that holds the customer folders",
    );
  });
  const known = new Map<string, Known>();
  for (const e of entries.filter((x) => x.isDirectory() && /^[a-z0-9][a-z0-9-]*$/.test(x.name))) {
    const display = relative(process.cwd(), join(dataDir, e.name)) || e.name;
    const raw = await loadCustomer(join(dataDir, e.name), e.name, display);
    const { data, issues } = validateCustomer(raw);
    const share = (raw.customer?.value as { share?: { token?: unknown; expires?: unknown } } | undefined)?.share;
    known.set(e.name, {
      slug: e.name,
      data: issues.some((i) => i.severity === "error") ? null : data,
      issues,
      token: typeof share?.token === "string" ? share.token : null,
      expires: typeof share?.expires === "string" ? share.expires : null,
      file: raw.customer?.file ?? "customer.json",
    });
  }
  return known;
}

async function readManifest(from: string): Promise<Manifest> {
  try {
    return JSON.parse(await readFile(join(from, "manifest.json"), "utf8")) as Manifest;
  } catch (err) {
    throw new MilepostError(
      `Nothing built in ${relative(process.cwd(), from) || "."}/`,
      `${join(relative(process.cwd(), from) || ".", "manifest.json")} cannot be read`,
      "run milepost build first, or point --from at the folder it wrote",
      { cause: err },
    );
  }
}

/** The first text file that contains one of `paths`, or null. */
function findLocalPath(files: ShareFile[], paths: string[]): string | null {
  for (const f of files) {
    if (!/\.(html|css|js|svg)$/.test(f.path)) continue;
    const text = new TextDecoder().decode(f.body);
    if (paths.some((p) => text.includes(p))) return f.path;
  }
  return null;
}

/** What a protected share's sealed copy depends on: its files and its expiry. */
function digestOf(files: ShareFile[], expires: string | null): string {
  const hash = createHash("sha256").update(`expires:${expires ?? ""}\n`);
  for (const f of files) hash.update(`${f.path}\n`).update(createHash("sha256").update(f.body).digest());
  return hash.digest("hex");
}

/**
 * `_headers` (Netlify, Cloudflare Pages): the pages' policy as headers, for every file of the
 * prefix, kept out of shared caches (these hosts join the values of two matching rules, so the
 * hashed bundles are not given a year of their own).
 */
export function headersFile(): string {
  const lines = [...HEADERS, ["Cache-Control", "private, no-cache"]].map(([name, value]) => `  ${name}: ${value}`);
  return `/*\n${lines.join("\n")}\n`;
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}
