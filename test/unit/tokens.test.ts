// Share tokens and targets, as pure checks: the shape and randomness of a token, a token two
// customer folders hold (a copy, a link), the sample data's tokens, and the targets publish refuses.
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.ts";
import { refuseOddTarget } from "../../src/share/places.ts";
import { newToken } from "../../src/share/rotate.ts";
import { SAMPLE_TOKENS, sharedTokenIssues, tokenHolders, tokenProblem } from "../../src/share/tokens.ts";

describe("tokenProblem(token)", () => {
  it("accepts what share rotate draws, every time", () => {
    for (let i = 0; i < 5000; i++) expect(tokenProblem(newToken())).toBeNull();
  });

  it("refuses a token of another shape, and words, runs and repeats of the right shape", () => {
    expect(tokenProblem("northwind-logistics-q3-pack")).toBe(
      "is not a share token: 22 URL-safe characters holding 128 random bits",
    );
    expect(tokenProblem("Zx9k2LmQ7vR4tB8nW1pYcDq")).toBe(
      "is not a share token: 22 URL-safe characters holding 128 random bits",
    );
    for (const guessable of [
      "northwindlogisticsq3pA",
      "AAAAAAAAAAAAAAAAAAAAAA",
      "abcdefghijABCDEFGHIJ0A",
      "acmeacmeacmeacmeacme2A",
    ])
      expect(tokenProblem(guessable), guessable).toBe("does not look random: it could be guessed");
  });
});

describe("sharedTokenIssues(dataDir, slug, holders, sampleDir)", () => {
  let dir: string;
  const token = "k3JmQ9xV2pL7tR4wB8nZcA";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "milepost-tokens-"));
    await mkdir(join(dir, "data", "acme"), { recursive: true });
    await writeFile(join(dir, "data", "acme", "customer.json"), JSON.stringify({ name: "Acme", share: { token } }));
    await cp(join(dir, "data", "acme"), join(dir, "data", "acme-copy"), { recursive: true });
    await symlink(join(dir, "data", "acme"), join(dir, "data", "acme-link"));
    await mkdir(join(dir, "sample", "demo"), { recursive: true });
    await mkdir(join(dir, "data", "borrowed"));
    const sample = [...SAMPLE_TOKENS][0];
    await writeFile(join(dir, "data", "borrowed", "customer.json"), JSON.stringify({ share: { token: sample } }));
    await writeFile(join(dir, "sample", "demo", "customer.json"), JSON.stringify({ share: { token: sample } }));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("names both folders of a copied customer, and a linked one as the same folder", async () => {
    const data = join(dir, "data");
    const holders = await tokenHolders(data);
    const [issue] = await sharedTokenIssues(data, "acme-copy", holders, join(dir, "sample"));
    expect(issue.code).toBe("shared-share-token");
    expect(issue.problem).toBe(
      "is also the token of acme, acme-link: both customers would be published under one link",
    );
    const [linked] = await sharedTokenIssues(data, "acme", holders, join(dir, "sample"));
    expect(linked.problem).toBe(
      "is also the token of acme-copy, acme-link (the same folder, linked): both customers would be published under one link",
    );
    expect(linked.fix).toBe("give each customer its own token: milepost share rotate acme (or acme-copy)");
  });

  it("refuses a sample token outside the sample data, and accepts it inside", async () => {
    const data = join(dir, "data");
    const issues = await sharedTokenIssues(data, "borrowed", await tokenHolders(data), join(dir, "sample"));
    expect(issues.map((i) => [i.code, i.problem, i.fix])).toEqual([
      [
        "sample-share-token",
        "is a token of milepost's sample data, which anyone can read",
        "run milepost share rotate borrowed to give the customer its own",
      ],
    ]);
    const sample = join(dir, "sample");
    expect(await sharedTokenIssues(sample, "demo", await tokenHolders(sample), sample)).toEqual([]);
  });
});

describe("refuseOddTarget({to, from, dataDir})", () => {
  const refusal = (to: string, from = "/work/x/dist", dataDir = "/work/x/data") => {
    try {
      refuseOddTarget({ to, from, dataDir });
      return null;
    } catch (err) {
      expect(err).toBeInstanceOf(UsageError);
      return `${(err as UsageError).message} — ${(err as UsageError).hint}`;
    }
  };

  it("refuses S3 addresses that are not one, and a prefix with . or ..", () => {
    for (const to of ["s3:/x", "s3://", "s3:///q3", "S3://Packs/q3"])
      expect(refusal(to)).toBe(
        `--to ${to} is not an S3 address — write s3://<bucket>/<prefix>, e.g. --to s3://packs/q3 (a bucket name of 3 to 63 lowercase letters, digits, dots and hyphens)`,
      );
    expect(refusal("s3://packs/q3/../x")).toBe(
      "--to s3://packs/q3/../x has an empty, . or .. part in its prefix — write the prefix as plain names, e.g. --to s3://packs/q3",
    );
    expect(refusal("s3://packs//x")).not.toBeNull();
    expect(refusal("s3://packs/q3/")).toBeNull();
    expect(refusal("s3://packs")).toBeNull();
  });

  it("refuses system folders, the build folder and the data folder, inside or around", () => {
    expect(refusal("/")).toBe(
      "--to / is a system folder (/) — publish into a folder of its own, e.g. --to /srv/packs/q3 or --to public",
    );
    for (const to of ["/usr", "/etc", "/var/www", "/tmp", "/home"]) expect(refusal(to), to).not.toBeNull();
    expect(refusal("/work/x/dist")).toMatch(
      /^--to .* is the build folder \(--from\) — publish into a folder of its own/,
    );
    expect(refusal("/work/x/dist/public")).toMatch(/are inside one another/);
    expect(refusal("/work")).toMatch(/and the build folder .* are inside one another/);
    expect(refusal("/work/x/data/acme/public")).toMatch(
      /and the data folder .* are inside one another — publish into a folder outside the data folder/,
    );
    expect(refusal("/work/x/public")).toBeNull();
    expect(refusal("/srv/packs/q3")).toBeNull();
  });
});
