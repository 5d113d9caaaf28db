// What `milepost publish` refuses so a link never shows the wrong thing, end to end on the fixture
// portfolio and a folder target: one customer per token (a copied or linked folder, shares.csv and
// the target's marker, the sample tokens), protection that never drops without --unprotect, the
// internal copy whatever the manifest says, a build's lock, prune that touches only milepost's
// shares, odd targets; and publish killed (SIGKILL, SIGINT, SIGTERM) at each of its steps.
import { cp, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { build, defaultEffects } from "../../src/build.ts";
import { MilepostError } from "../../src/errors.ts";
import { MARKER, type Marker } from "../../src/share/marker.ts";
import { publish, type PublishOptions } from "../../src/share/publish.ts";
import { readShares } from "../../src/share/shares.ts";
import { rotate } from "../../src/share/rotate.ts";
import { SAMPLE_TOKENS } from "../../src/share/tokens.ts";
import { milepost, start } from "../support/cli.ts";
import { snapshot } from "../support/files.ts";
import { FIXTURES, portfolioOptions } from "../support/portfolio.ts";
import { listFiles, shareScratch } from "../support/share.ts";

const portfolio = inject("portfolio");
const TODAY = "2026-12-01";
let dir: string;
let data: string;
let from: string;
let internal: string;
let tokens: Record<string, string>;

const options = (over: Partial<PublishOptions> = {}): PublishOptions => ({
  from,
  dataDir: data,
  to: join(dir, "public"),
  baseUrl: "https://packs.example.com/q3/",
  customers: ["acme"],
  protect: false,
  expires: null,
  prune: false,
  sharesFile: join(dir, "shares.csv"),
  today: TODAY,
  ...over,
});

/** A copy of a built folder without the lock files of the runs using it now. */
const copyBuilt = (src: string, dest: string) =>
  cp(src, dest, { recursive: true, filter: (p) => !/^\.milepost-(lock|publishing-)/.test(basename(p)) });

const problems = (r: Awaited<ReturnType<typeof publish>>) =>
  r.shares.map((s) => [s.slug, s.status, ...s.issues.map((i) => `${i.code}: ${i.problem}`)]);

beforeAll(async () => {
  ({ dir, data, tokens } = await shareScratch());
  from = join(dir, "dist");
  await copyBuilt(portfolio, from);
  // acme's internal copy, PDFs included.
  internal = join(dir, "internal");
  const results = await build(
    portfolioOptions(FIXTURES, internal, { customers: ["acme"], copy: "internal", pack: "qbr" }),
    defaultEffects,
  );
  expect(results.map((r) => r.status)).toEqual(["built"]);
}, 600_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("one customer per token", () => {
  it("refuses a token a copied folder holds too, naming both, in validate and publish", async () => {
    await cp(join(data, "acme"), join(data, "acme-copy"), { recursive: true });
    try {
      const result = await publish(options());
      expect(problems(result)).toEqual([
        [
          "acme",
          "failed",
          "shared-share-token: is also the token of acme-copy: both customers would be published under one link",
        ],
      ]);
      expect(existsSync(join(dir, "public", tokens.acme))).toBe(false);
      const run = await milepost(["validate", "acme", "--data", data, "--period", "2026-Q3"], dir);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        `data/acme/customer.json share.token: "${tokens.acme}" is also the token of acme-copy: both customers would be published under one link — give each customer its own token: milepost share rotate acme (or acme-copy)`,
      );
    } finally {
      await rm(join(data, "acme-copy"), { recursive: true });
    }
  });

  it("refuses a token a linked folder holds, as the same folder", async () => {
    await symlink(join(data, "acme"), join(data, "acme-link"));
    try {
      expect(problems(await publish(options()))[0][2]).toBe(
        "shared-share-token: is also the token of acme-link (the same folder, linked): both customers would be published under one link",
      );
    } finally {
      await rm(join(data, "acme-link"));
    }
  });

  it("refuses a token shares.csv or the target's marker gives another customer, and the sample data's tokens", async () => {
    const to = join(dir, "tied");
    const shares = join(dir, "tied.csv");
    expect(problems(await publish(options({ to, sharesFile: shares })))).toEqual([["acme", "published"]]);
    // bare is given acme's token after acme moved on: shares.csv says whose it is.
    const old = tokens.acme;
    tokens.acme = await rotate(data, "acme");
    const bare = await readFile(join(data, "bare", "customer.json"), "utf8");
    await rotate(data, "bare", old);
    try {
      const tied = options({ to, sharesFile: shares, customers: ["bare"] });
      expect(problems(await publish(tied))).toEqual([
        [
          "bare",
          "failed",
          `token-of-another: is the token ${relative(process.cwd(), shares)} gives acme: this link was sent to another customer`,
        ],
      ]);
      // shares.csv lost: the marker in the target still says.
      expect(problems(await publish({ ...tied, sharesFile: join(dir, "lost.csv") }))).toEqual([
        [
          "bare",
          "failed",
          `token-of-another: is the token of another customer's share in ${to}/: this link was sent to another customer`,
        ],
      ]);
      expect(await listFiles(join(to, old))).toContain("acme-qbr-2026-Q3.pdf");
      await rotate(data, "bare", [...SAMPLE_TOKENS][0]);
      expect(problems(await publish({ ...tied, sharesFile: join(dir, "lost.csv") }))).toEqual([
        ["bare", "failed", "sample-share-token: is a token of milepost's sample data, which anyone can read"],
      ]);
    } finally {
      await writeFile(join(data, "bare", "customer.json"), bare);
    }
  });
});

describe("protection is sticky and whole", () => {
  it("never publishes a protected share in clear without --unprotect, shares.csv or not", async () => {
    const to = join(dir, "sticky");
    const sharesFile = join(dir, "sticky.csv");
    const first = await publish(options({ to, sharesFile, protect: true }));
    expect(first.shares[0]).toMatchObject({ status: "published", protected: true });
    const sealed = await snapshot(to);
    for (const shares of [sharesFile, join(dir, "none.csv")]) {
      const clear = await publish(options({ to, sharesFile: shares }));
      expect(problems(clear)).toEqual([
        [
          "acme",
          "failed",
          "protection-dropped: was published with a passcode: publishing it without --protect would put it in clear under the same link",
        ],
      ]);
      expect(await snapshot(to)).toEqual(sealed);
    }
    // Without shares.csv an unchanged pack stays as it is; a changed one is not sealed with a new passcode.
    const again = await publish(options({ to, sharesFile: join(dir, "none2.csv"), protect: true }));
    expect(again.shares[0].status).toBe("unchanged");
    const open = await publish(options({ to, sharesFile, unprotect: true }));
    expect(open.shares[0]).toMatchObject({ status: "published", protected: false });
    expect(await listFiles(join(to, tokens.acme))).not.toContain("lock.json");
    expect((await readShares(sharesFile))[0].passcode).toBe("");
  });

  it("is unchanged only when the target holds exactly the sealed set: anything else under the token is sealed over and deleted", async () => {
    const to = join(dir, "whole");
    const sharesFile = join(dir, "whole.csv");
    await publish(options({ to, sharesFile, protect: true }));
    const share = join(to, tokens.acme);
    const marker = JSON.parse(await readFile(join(share, MARKER), "utf8")) as Marker;
    // What an interrupted open publish used to leave: a page in clear beside the sealed files, a sealed file changed.
    await cp(join(from, "acme", "milestones.html"), join(share, "milestones.html"));
    await writeFile(join(share, "x", "0.bin"), "changed");
    const result = await publish(options({ to, sharesFile, protect: true }));
    expect(result.shares[0].status).toBe("published");
    const after = JSON.parse(await readFile(join(share, MARKER), "utf8")) as Marker;
    expect((await listFiles(share)).sort()).toEqual([MARKER, ...Object.keys(after.files!)].sort());
    expect(Object.keys(after.files!).sort()).toEqual(Object.keys(marker.files!).sort());
    expect(await publish(options({ to, sharesFile, protect: true })).then((r) => r.shares[0].status)).toBe("unchanged");
  });
});

describe("the internal copy cannot be published", () => {
  const swapIn = async (name: string, build: string) => {
    const dist = join(dir, `dist-${name}`);
    await copyBuilt(from, dist);
    await rm(join(dist, "acme"), { recursive: true });
    await cp(build, join(dist, "acme"), { recursive: true });
    return dist;
  };

  it("refuses a folder whose record, pages or PDFs say internal under a manifest that says customer", async () => {
    const cases: [string, () => Promise<string>, string][] = [
      ["folder", () => swapIn("folder", join(internal, "acme")), ".milepost-copy says internal"],
      [
        "pdf",
        async () => {
          const dist = await swapIn("pdf", join(from, "acme"));
          await cp(join(internal, "acme", "acme-qbr-2026-Q3-internal.pdf"), join(dist, "acme", "acme-qbr-2026-Q3.pdf"));
          return dist;
        },
        "acme-qbr-2026-Q3.pdf is marked internal",
      ],
      [
        "page",
        async () => {
          const dist = await swapIn("page", join(from, "acme"));
          await cp(join(internal, "acme", "review.html"), join(dist, "acme", "review.html"));
          return dist;
        },
        "review.html is marked internal",
      ],
      [
        "name",
        async () => {
          const dist = await swapIn("name", join(from, "acme"));
          await writeFile(join(dist, "acme", "acme-qbr-2026-Q3-internal.pdf"), "%PDF-1.7\n");
          return dist;
        },
        "acme-qbr-2026-Q3-internal.pdf is an internal PDF",
      ],
    ];
    for (const [name, make, why] of cases) {
      const dist = await make();
      const to = join(dir, `internal-${name}`);
      const result = await publish(options({ from: dist, to }));
      expect(problems(result), name).toEqual([
        ["acme", "failed", `internal-copy: holds the internal copy (${why}): it is never published`],
      ]);
      expect(existsSync(join(to, tokens.acme)), name).toBe(false);
    }
  });

  it("waits for no build: a publish while a build writes the folder is refused, and its internal output after", async () => {
    const out = join(dir, "racing");
    const building = start(
      ["build", "acme", "--copy", "internal", "--pack", "qbr", "--period", "2026-Q3", "--data", data, "--out", out],
      dir,
    );
    // The build takes its lock as it starts, long before its first folder is swapped in.
    while (!existsSync(join(out, ".milepost-lock")) && building.child.exitCode === null)
      await new Promise((r) => setTimeout(r, 20));
    const racing = await milepost(["publish", "acme", "--from", out, "--to", join(dir, "raced"), "--data", data], dir);
    const built = await building.done;
    expect(built.code).toBe(0);
    expect(racing.code).toBe(1);
    expect(racing.stderr).toContain("A build is writing to racing/");
    expect(existsSync(join(dir, "raced"))).toBe(false);
    const after = await milepost(["publish", "acme", "--from", out, "--to", join(dir, "raced"), "--data", data], dir);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain("The internal copy is never published");
  });
});

describe("prune touches only milepost's shares, and says what it could not delete", () => {
  it("leaves folders it did not make, token-shaped or not, and empty ones", async () => {
    const to = join(dir, "mixed");
    const sharesFile = join(dir, "mixed.csv");
    await publish(options({ to, sharesFile, customers: "all" }));
    for (const folder of ["quarterly-reports-archive-2026", "AbCdEfGhIjKlMnOpQrStUv"]) {
      await mkdir(join(to, folder), { recursive: true });
      await writeFile(join(to, folder, "index.html"), "not milepost's");
    }
    await mkdir(join(to, "empty", "deeper"), { recursive: true });
    const old = tokens.bare;
    tokens.bare = await rotate(data, "bare");
    const result = await publish(options({ to, sharesFile, customers: "all", prune: true }));
    expect(result.pruned).toEqual([old]);
    expect(existsSync(join(to, old))).toBe(false);
    for (const kept of ["quarterly-reports-archive-2026/index.html", "AbCdEfGhIjKlMnOpQrStUv/index.html"])
      expect(existsSync(join(to, kept)), kept).toBe(true);
    expect(existsSync(join(to, "empty", "deeper"))).toBe(true);
  });

  it("takes a target it cannot list for an error, not for an empty one", async () => {
    const to = join(dir, "a-file");
    await writeFile(to, "");
    const err = await publish(options({ to, prune: true })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MilepostError);
    expect((err as MilepostError).title).toBe(`${to}/ cannot be read`);
  });
});

describe("milepost publish refuses odd targets (exit 2)", () => {
  it("names the fix for each", async () => {
    const refused = async (to: string) => {
      const run = await milepost(["publish", "--all", "--to", to, "--data", data, "--from", from], dir);
      expect(run.code, to).toBe(2);
      return run.stderr;
    };
    expect(await refused("s3:/x")).toContain("--to s3:/x is not an S3 address");
    expect(await refused("s3://")).toContain("--to s3:// is not an S3 address");
    expect(await refused("s3://packs/q3/../x")).toContain("has an empty, . or .. part in its prefix");
    expect(await refused("/")).toContain("--to / is a system folder (/)");
    expect(await refused("dist")).toContain("--to dist is the build folder (--from)");
    expect(await refused("data/acme")).toContain("--to data/acme and the data folder data are inside one another");
    expect(existsSync(join(dir, "s3:"))).toBe(false);
  });
});

describe("publish --protect killed at each step", () => {
  const steps = ["share:marked", "share:files", "share:lock.json", "share:index.html", "share:pruning"];
  const cases = (["SIGKILL", "SIGINT", "SIGTERM"] as const).flatMap((signal) =>
    steps.map((step) => [step, signal] as const),
  );
  it.each(cases)(
    "at %s by %s: nothing in clear, never taken for an open share, sealed whole by the next run",
    async (step, signal) => {
      const case_ = `${step.replace(/\W/g, "-")}-${signal}`;
      const to = join(dir, `killed-${case_}`);
      const shares = join(dir, `killed-${case_}.csv`);
      const args = ["publish", "acme", "--from", from, "--data", data, "--to", to, "--shares", shares];
      const killed = await milepost([...args, "--protect"], dir, {
        MILEPOST_KILL_AT: step,
        MILEPOST_KILL_SIGNAL: signal,
      });
      expect(killed.signal, killed.stderr).toBe(signal);
      const share = join(to, tokens.acme);
      const clear = (await listFiles(share).catch(() => [])).filter(
        (f) =>
          /\.(html|pdf|svg|css|js|woff2?)$/.test(f) &&
          !["index.html", "unlock.js", "unlock.css", "sw.js", "icon.svg"].includes(f),
      );
      expect(clear).toEqual([]);
      // Whether or not shares.csv was written before the kill, the marker alone keeps the share protected.
      const open = await milepost(args, dir);
      expect(open.code).toBe(1);
      expect(open.stdout).toContain("was published with a passcode");
      const sealed = await milepost([...args, "--protect", "--json"], dir);
      expect(sealed.code, sealed.stdout + sealed.stderr).toBe(0);
      const marker = JSON.parse(await readFile(join(share, MARKER), "utf8")) as Marker;
      expect(marker.protected).toBe(true);
      expect((await listFiles(share)).sort()).toEqual([MARKER, ...Object.keys(marker.files!)].sort());
      // Its passcode is in shares.csv: written by the killed run when it got that far, or by this one.
      expect((await readShares(shares))[0].passcode).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
    },
  );

  it("over a protected share whose pack changed, killed as it seals again: refused in clear, sealed whole with the same passcode", async () => {
    const to = join(dir, "resealed");
    const shares = join(dir, "resealed.csv");
    const changed = join(dir, "dist-changed");
    await copyBuilt(from, changed);
    const args = ["publish", "acme", "--data", data, "--to", to, "--shares", shares, "--protect"];
    expect((await milepost([...args, "--from", from], dir)).code).toBe(0);
    const passcode = (await readShares(shares))[0].passcode;
    await writeFile(
      join(changed, "acme", "theme.css"),
      `${await readFile(join(changed, "acme", "theme.css"), "utf8")}\n`,
    );
    const killed = await milepost([...args, "--from", changed], dir, { MILEPOST_KILL_AT: "share:files" });
    expect(killed.signal).toBe("SIGKILL");
    const open = await milepost(args.slice(0, -1).concat("--from", changed), dir);
    expect(open.stdout).toContain("was published with a passcode");
    const sealed = await milepost([...args, "--from", changed, "--json"], dir);
    expect(sealed.code, sealed.stderr).toBe(0);
    expect(JSON.parse(sealed.stdout).shares[0]).toMatchObject({ status: "published", passcode: null });
    expect((await readShares(shares))[0].passcode).toBe(passcode);
    const share = join(to, tokens.acme);
    const marker = JSON.parse(await readFile(join(share, MARKER), "utf8")) as Marker;
    expect((await listFiles(share)).sort()).toEqual([MARKER, ...Object.keys(marker.files!)].sort());
  });
});
