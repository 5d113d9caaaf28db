// `milepost publish --to s3://…` against a real S3-compatible server (s3rver on 127.0.0.1,
// driven by @aws-sdk/client-s3): content types and cache headers per object, only changed
// objects uploaded, a protected share unlocked in Chromium straight from the bucket, and a
// rotated token pruned.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { GetObjectCommand, HeadObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { publish, type PublishOptions } from "../../src/share/publish.ts";
import { rotate } from "../../src/share/rotate.ts";
import { chartDrawn, launchBrowser, watchedPage } from "../support/browser.ts";
import { startS3, type S3Server } from "../support/s3.ts";
import { shareScratch } from "../support/share.ts";

const out = inject("portfolio");
let dir: string;
let data: string;
let tokens: Record<string, string>;
let bucket: S3Server;
let endpoint: string;
let s3: S3Client;

const options = (over: Partial<PublishOptions> = {}): PublishOptions => ({
  from: out,
  dataDir: data,
  to: "s3://shares/q3",
  endpoint,
  baseUrl: `${endpoint}/shares/q3/`,
  customers: "all",
  protect: false,
  expires: null,
  prune: false,
  sharesFile: join(dir, "shares.csv"),
  today: "2026-12-01",
  ...over,
});

const keys = (prefix = "q3/") => bucket.keys(prefix);

beforeAll(async () => {
  ({ dir, data, tokens } = await shareScratch());
  bucket = await startS3(dir);
  ({ endpoint, s3 } = bucket);
});

afterAll(async () => {
  await bucket?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("publish(portfolio → s3://shares/q3)", () => {
  it("uploads each customer under q3/<token>/ with its Content-Type and Cache-Control, robots.txt at the prefix root", async () => {
    const result = await publish(options());
    expect(result.shares.every((s) => s.status === "published")).toBe(true);
    const all = await keys();
    expect(all).toContain("q3/robots.txt");
    expect(all).toContain(`q3/${tokens.acme}/index.html`);
    expect(all.filter((k) => k.endsWith("report.json"))).toEqual([]);
    const head = async (key: string) => s3.send(new HeadObjectCommand({ Bucket: "shares", Key: key }));
    expect(await head(`q3/${tokens.acme}/index.html`)).toMatchObject({
      ContentType: "text/html; charset=utf-8",
      CacheControl: "private, no-cache",
    });
    expect(await head(`q3/${tokens.acme}/acme-qbr-2026-Q3.pdf`)).toMatchObject({
      ContentType: "application/pdf",
      CacheControl: "private, no-cache",
    });
    expect(await head(`q3/${tokens.acme}/files/evidence/first-report.svg`)).toMatchObject({
      ContentType: "image/svg+xml",
    });
    const font = all.find((k) => k.startsWith(`q3/${tokens.acme}/fonts/`) && k.endsWith(".woff"))!;
    expect(await head(font)).toMatchObject({
      ContentType: "font/woff",
      CacheControl: "public, max-age=31536000, immutable",
    });
    const pdf = await s3.send(
      new GetObjectCommand({ Bucket: "shares", Key: `q3/${tokens.acme}/acme-qbr-2026-Q3.pdf` }),
    );
    const { readFile } = await import("node:fs/promises");
    expect(
      Buffer.compare(
        Buffer.from(await pdf.Body!.transformToByteArray()),
        await readFile(join(out, "acme", "acme-qbr-2026-Q3.pdf")),
      ),
    ).toBe(0);
  });

  it("uploads nothing the second time", async () => {
    const result = await publish(options());
    expect(result.uploaded).toBe(0);
    expect(result.shares.every((s) => s.status === "unchanged")).toBe(true);
  });

  it("publishes a protected share that Chromium unlocks straight from the bucket; re-publishing it unchanged moves nothing", async () => {
    const [acme] = (await publish(options({ customers: ["acme"], protect: true, expires: "2026-12-31" }))).shares;
    expect(acme.passcode).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
    const all = await keys(`q3/${tokens.acme}/`);
    expect(all).toContain(`q3/${tokens.acme}/lock.json`);
    expect(all.filter((k) => k.endsWith(".html") && k !== `q3/${tokens.acme}/index.html`)).toEqual([]);
    const again = await publish(options({ customers: ["acme"], protect: true, expires: "2026-12-31" }));
    expect(again.shares.map((s) => [s.status, s.passcode, s.uploaded])).toEqual([["unchanged", null, 0]]);

    const browser: Browser = await launchBrowser();
    try {
      const w = await watchedPage(browser);
      await w.page.goto(`${endpoint}/shares/q3/${tokens.acme}/index.html`, { waitUntil: "networkidle0" });
      await w.page.waitForSelector("#unlock:not([hidden])");
      await w.page.type("#passcode", acme.passcode!);
      await w.page.click("#unlock button");
      await w.page.waitForSelector("#opened:not([hidden])", { timeout: 60_000 });
      await Promise.all([w.page.waitForNavigation({ waitUntil: "networkidle0" }), w.page.click("#open")]);
      expect(await w.page.$eval(".site-header strong", (h) => h.textContent)).toBe("Acme Analytics");
      expect(await chartDrawn(w.page)).toBe(true);
      expect(w.violations).toEqual([]);
      expect(w.failed).toEqual([]);
      expect(
        w.requests.filter((u) => !u.startsWith(`${endpoint}/shares/q3/${tokens.acme}/`) && !u.startsWith("blob:")),
      ).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("after share rotate, publish --prune moves the customer to its new token and deletes every object of the old one", async () => {
    const old = tokens.bare;
    const fresh = await rotate(data, "bare");
    const result = await publish(options({ customers: ["bare"], prune: true }));
    expect(result.pruned).toEqual([old]);
    const all = await keys();
    expect(all.filter((k) => k.startsWith(`q3/${old}/`))).toEqual([]);
    expect(all).toContain(`q3/${fresh}/index.html`);
    expect(all).toContain(`q3/${tokens.acme}/lock.json`);
    expect((await fetch(`${endpoint}/shares/q3/${old}/index.html`)).status).toBe(404);
    tokens.bare = fresh;
  });
});
