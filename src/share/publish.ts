// `milepost publish`: the customer-facing copy of each built pack goes to a target, under the
// customer's share token, optionally sealed with a passcode; expired and revoked shares are
// pruned; shares.csv on this machine keeps the links and passcodes. (src/publish.ts is the
// build's swap into dist/, not this.)
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { MilepostError, type DataIssue } from "../errors.ts";
import type { ErrorCode } from "../errors-data.ts";
import { loadCustomer } from "../load.ts";
import type { CustomerData } from "../schema.ts";
import { validateCustomer } from "../validate.ts";
import { customerFiles, ROBOTS_TXT, type ShareFile } from "./files.ts";
import { HEADERS } from "./policy.ts";
import { newPasscode, protect } from "./protect.ts";
import { readShares, writeShares, type ShareRow } from "./shares.ts";
import { md5, openTarget, type TargetFile } from "./target.ts";

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

/** A share folder's name: a token as validation accepts it. */
const SHARE_TOKEN = /^[A-Za-z0-9_-]{22,}$/;

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
  const remote = await target.list().catch((err: Error) => {
    throw new MilepostError(
      `${target.label} cannot be read`,
      err.message,
      opts.to.startsWith("s3://")
        ? "check the bucket name, --endpoint and the AWS credentials in your environment or profile"
        : "check the folder and its permissions",
      { cause: err },
    );
  });
  const previous = await readShares(opts.sharesFile);
  const put = (file: TargetFile) =>
    remote.get(file.key) === md5(file.body) ? Promise.resolve(false) : target.put(file).then(() => true);

  const shares: ShareResult[] = [];
  const digests = new Map<string, string>();
  const keep = new Map<string, Set<string> | null>(); // token → the keys this run published (null: keep all)
  const expired = new Set<string>();
  let uploaded = 0;
  for (const slug of wanted) {
    const result = await publishOne(slug, built.get(slug), known.get(slug), opts, previous, remote, put);
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
  const stale: string[] = [];
  const pruned = new Set<string>();
  for (const key of remote.keys()) {
    const token = key.split("/")[0];
    // Only share folders are milepost's: anything else in the target is left alone.
    if (!key.includes("/") || !SHARE_TOKEN.test(token)) continue;
    const keys = keep.get(token);
    if (keys === undefined) {
      if (!opts.prune) continue;
      pruned.add(token);
      stale.push(key);
    } else if (keys !== null && !keys.has(key)) stale.push(key);
  }
  if (stale.length) await target.remove(stale);

  const rows = new Map(previous.filter((r) => !pruned.has(r.token)).map((r) => [r.token, r]));
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
      digest: s.protected ? (digests.get(s.slug) ?? "") : "",
    });
  }
  await writeShares(
    opts.sharesFile,
    [...rows.values()].sort((a, b) => a.slug.localeCompare(b.slug)),
  );
  return { target: target.label, shares, uploaded, pruned: [...pruned].sort(), deleted: stale.length };
}

async function publishOne(
  slug: string,
  build: Manifest["customers"][number] | undefined,
  known: Known | undefined,
  opts: PublishOptions,
  previous: ShareRow[],
  remote: Map<string, string>,
  put: (file: TargetFile) => Promise<boolean>,
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
      relative(process.cwd(), opts.from) || ".",
      undefined,
      slug,
      "has not been built",
      `run milepost build ${slug} first (with --out ${relative(process.cwd(), opts.from) || "."})`,
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
  share.expires = customer.share?.expires ?? opts.expires;
  share.link = linkFor(opts, token);
  if (share.expires && share.expires < opts.today) {
    share.status = "expired";
    return { share, keys: null };
  }

  let files = await customerFiles(join(opts.from, slug));
  const leak = findLocalPath(files, [resolve(opts.dataDir), resolve(opts.from)]);
  if (leak)
    return fail(
      `${relative(process.cwd(), opts.from) || "."}/${slug}/${leak}`,
      undefined,
      undefined,
      "names a folder of this machine",
      "rebuild the customer with the current milepost; publishing stops here so no local path reaches the customer",
      "local-path",
    );

  let sealedFrom: string | undefined;
  if (opts.protect) {
    const row = previous.find((r) => r.token === token && r.passcode);
    const digest = digestOf(files, share.expires);
    // Sealing draws a new salt and IVs: an unchanged pack whose sealed copy is in place is left as it is.
    if (row && row.digest === digest && remote.has(`${token}/lock.json`)) {
      share.status = "unchanged";
      return { share, keys: null, digest };
    }
    const passcode = row?.passcode ?? newPasscode();
    if (!row) share.passcode = passcode;
    files = await protect(files, { passcode, expires: share.expires, locale: customer.locale });
    sealedFrom = digest;
  }
  const keys = new Set<string>();
  await pool(files, 8, async (f: ShareFile) => {
    const key = `${token}/${f.path}`;
    keys.add(key);
    if (await put({ key, body: f.body, type: f.type, cache: f.cache })) share.uploaded++;
  });
  share.status = share.uploaded > 0 ? "published" : "unchanged";
  return { share, keys, digest: sealedFrom };
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

/** `_headers` (Netlify, Cloudflare Pages): the pages' policy as headers, for every file of the prefix. */
export function headersFile(): string {
  return `/*\n${HEADERS.map(([name, value]) => `  ${name}: ${value}`).join("\n")}\n`;
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}
