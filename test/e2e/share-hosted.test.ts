// Published shares served by a real Caddy with the README's header block, opened in headless
// Chromium as a customer would: the unprotected pack under its headers, the protected one
// unlocked with its passcode (PDF downloaded byte for byte), a wrong passcode and an expired
// share refused, no request outside the share's prefix and no policy violation.
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cacheControl } from "../../src/share/files.ts";
import { HEADERS } from "../../src/share/policy.ts";
import { publish, type PublishOptions, type ShareResult } from "../../src/share/publish.ts";
import { chartDrawn, launchBrowser, watchedPage, type Watched } from "../support/browser.ts";
import { listFiles, shareScratch, startCaddy, startNginx } from "../support/share.ts";

const out = inject("portfolio");
const TODAY = "2026-12-01";
let dir: string;
let tokens: Record<string, string>;
let caddy: Awaited<ReturnType<typeof startCaddy>>;
let browser: Browser;
let acme: ShareResult;
let options: PublishOptions;
let triage: ShareResult;

beforeAll(async () => {
  let data: string;
  ({ dir, data, tokens } = await shareScratch());
  const root = join(dir, "public");
  options = {
    from: out,
    dataDir: data,
    to: root,
    customers: ["acme"],
    protect: true,
    expires: "2026-12-31",
    prune: false,
    sharesFile: join(dir, "shares.csv"),
    today: TODAY,
  };
  [acme] = (await publish(options)).shares;
  [triage] = (await publish({ ...options, customers: ["closeout-triage"], expires: TODAY })).shares;
  await publish({ ...options, customers: ["kiso-kogyo"], protect: false, expires: null });
  caddy = await startCaddy(root, dir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await caddy?.stop();
  await rm(dir, { recursive: true, force: true });
});

const link = (slug: string) => `${caddy.origin}/${tokens[slug]}/`;

/** Every request the page and its service worker made, as Caddy logged them, since `from` lines. */
async function served(from: number): Promise<string[]> {
  const lines = (await readFile(caddy.log, "utf8")).trim().split("\n").slice(from);
  return lines.map((l) => (JSON.parse(l) as { request: { uri: string } }).request.uri);
}
const logLength = async () =>
  (await readFile(caddy.log, "utf8").catch(() => "")).trim().split("\n").filter(Boolean).length;

async function unlock(w: Watched, passcode: string): Promise<void> {
  await w.page.waitForSelector("#unlock:not([hidden])");
  await w.page.type("#passcode", passcode);
  await w.page.click("#unlock button");
  await w.page.waitForSelector("#wrong:not([hidden]), #opened:not([hidden])", { timeout: 60_000 });
}

/**
 * Each file is sent with the Cache-Control S3 gets (src/share/files.ts): a year only for hashed
 * bundles and fonts, "private, no-cache" for every page, PDF, image, sealed blob and lock.json.
 */
async function expectCacheControl(origin: string): Promise<void> {
  const open = (await listFiles(join(dir, "public", tokens["kiso-kogyo"]))).map((f) => `${tokens["kiso-kogyo"]}/${f}`);
  const sealed = (await listFiles(join(dir, "public", tokens.acme))).map((f) => `${tokens.acme}/${f}`);
  const paths = [...open, ...sealed, "robots.txt", "_headers"];
  expect(open.some((p) => /\/_astro\/.+\.js$/.test(p))).toBe(true);
  expect(open.some((p) => /\/fonts\/.+\.woff$/.test(p))).toBe(true);
  expect(open.some((p) => /\/fonts\/fonts\.css$/.test(p))).toBe(true);
  const sent = await Promise.all(
    paths.map(async (p) => [p, (await fetch(`${origin}/${p}`)).headers.get("cache-control")]),
  );
  expect(Object.fromEntries(sent)).toEqual(
    Object.fromEntries(
      paths.map((p) => [
        p,
        p.startsWith(tokens["kiso-kogyo"]) ? cacheControl(p.split("/").slice(1).join("/")) : "private, no-cache",
      ]),
    ),
  );
}

describe("a published folder served by Caddy with the README's headers", () => {
  it("sends the policy with every file, disallows robots and lists no folder", async () => {
    for (const path of [
      `${tokens["kiso-kogyo"]}/index.html`,
      `${tokens.acme}/`,
      `${tokens.acme}/lock.json`,
      "robots.txt",
    ]) {
      const res = await fetch(`${caddy.origin}/${path}`);
      expect(res.status, path).toBe(200);
      for (const [name, value] of HEADERS) expect(res.headers.get(name), `${path} ${name}`).toBe(value);
    }
    expect(await (await fetch(`${caddy.origin}/robots.txt`)).text()).toBe("User-agent: *\nDisallow: /\n");
    await expectCacheControl(caddy.origin);
    expect((await fetch(`${caddy.origin}/`)).status).toBe(404);
    expect((await fetch(`${caddy.origin}/${tokens.acme}/x/`)).status).toBe(404);
  });

  it("opens an unprotected pack: charts drawn, no violation, no request outside its prefix", async () => {
    const start = await logLength();
    const w = await watchedPage(browser);
    await w.page.goto(`${link("kiso-kogyo")}index.html`, { waitUntil: "networkidle0" });
    expect(await w.page.title()).toContain("木曽工業");
    expect(await chartDrawn(w.page)).toBe(true);
    expect(w.violations).toEqual([]);
    expect(w.failed).toEqual([]);
    expect(w.console.filter((m) => /Content.Security.Policy|Refused/i.test(m))).toEqual([]);
    await w.page.close();
    const uris = await served(start);
    expect(uris.length).toBeGreaterThan(3);
    expect(uris.filter((u) => !u.startsWith(`/${tokens["kiso-kogyo"]}/`))).toEqual([]);
  });
});

describe("the same folder served by nginx with the README's server block", () => {
  it("sends the policy with every file and lists no folder", async () => {
    const nginx = await startNginx(join(dir, "public"), dir);
    try {
      for (const path of [
        `${tokens["kiso-kogyo"]}/index.html`,
        `${tokens["kiso-kogyo"]}/kiso-kogyo-qbr-2026-Q3.pdf`,
        `${tokens.acme}/`,
        `${tokens.acme}/lock.json`,
        "robots.txt",
      ]) {
        const res = await fetch(`${nginx.origin}/${path}`);
        expect(res.status, path).toBe(200);
        for (const [name, value] of HEADERS) expect(res.headers.get(name), `${path} ${name}`).toBe(value);
      }
      expect((await fetch(`${nginx.origin}/${tokens.acme}/x/`)).status).toBe(403);
      await expectCacheControl(nginx.origin);
    } finally {
      await nginx.stop();
    }
  });
});

describe("a protected share in Chromium", () => {
  it("refuses a wrong passcode, saying so and showing nothing of the pack", async () => {
    const w = await watchedPage(browser);
    await w.page.goto(link("acme"), { waitUntil: "networkidle0" });
    await unlock(w, "0000-0000-0000-0000");
    expect(await w.page.$eval("#wrong", (p) => p.textContent)).toBe(
      "That passcode is not correct. Please check it and try again.",
    );
    expect(await w.page.$eval("#opened", (s) => (s as HTMLElement).hidden)).toBe(true);
    expect(await w.page.evaluate(() => document.body.innerText)).not.toContain("Acme");
    expect(await w.page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
    await w.page.close();
  });

  it("unlocks with the passcode: the pack with its charts, the PDF downloaded byte for byte, no violation, nothing outside the prefix", async () => {
    const start = await logLength();
    const context = await browser.createBrowserContext();
    const w = await watchedPage(context as unknown as Browser);
    await w.page.goto(link("acme"), { waitUntil: "networkidle0" });
    await unlock(w, acme.passcode!.toUpperCase().replaceAll("-", " "));
    expect(await w.page.$eval("#wrong", (p) => (p as HTMLElement).hidden)).toBe(true);
    // The page offers each PDF once it is decrypted, one after the other.
    await w.page.waitForFunction(() => document.querySelectorAll("#downloads a").length >= 3);
    const names = await w.page.$$eval("#downloads a", (as) => as.map((a) => (a as HTMLAnchorElement).download));
    expect(names).toEqual(["acme-closeout-2026-Q3.pdf", "acme-handoff.pdf", "acme-qbr-2026-Q3.pdf"]);

    const downloads = join(dir, "downloads");
    await mkdir(downloads, { recursive: true });
    const cdp = await w.page.createCDPSession();
    await cdp.send("Browser.setDownloadBehavior", {
      behavior: "allow",
      downloadPath: downloads,
      browserContextId: (context as unknown as { id: string }).id,
    });
    await w.page.click(`#downloads a[download="acme-qbr-2026-Q3.pdf"]`);
    for (let i = 0; !(await readdir(downloads)).includes("acme-qbr-2026-Q3.pdf"); i++) {
      if (i > 600) throw new Error("the PDF was not downloaded");
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(
      Buffer.compare(
        await readFile(join(downloads, "acme-qbr-2026-Q3.pdf")),
        await readFile(join(out, "acme", "acme-qbr-2026-Q3.pdf")),
      ),
    ).toBe(0);

    await Promise.all([w.page.waitForNavigation({ waitUntil: "networkidle0" }), w.page.click("#open")]);
    expect(w.page.url()).toBe(`${link("acme")}p/index.html`);
    expect(await w.page.title()).toContain("Acme Analytics");
    expect(await w.page.$eval(".site-header strong", (h) => h.textContent)).toBe("Acme Analytics");
    expect(await chartDrawn(w.page)).toBe(true);
    await Promise.all([
      w.page.waitForNavigation({ waitUntil: "networkidle0" }),
      w.page.click('nav a[href="milestones.html"]'),
    ]);
    expect(await w.page.evaluate(() => document.querySelectorAll("svg.chart-svg").length)).toBeGreaterThan(0);
    expect(await chartDrawn(w.page)).toBe(true);
    const evidence = await w.page.$eval("img[src^='files/evidence/']", (img) => (img as HTMLImageElement).naturalWidth);
    expect(evidence).toBeGreaterThan(0);

    expect(w.violations).toEqual([]);
    expect(w.failed).toEqual([]);
    expect(w.console.filter((m) => /Content.Security.Policy|Refused|error/i.test(m))).toEqual([]);
    expect(w.requests.filter((u) => !u.startsWith(link("acme")) && !u.startsWith("blob:"))).toEqual([]);
    const uris = await served(start);
    expect(uris.filter((u) => !u.startsWith(`/${tokens.acme}/`))).toEqual([]);
    expect(uris.some((u) => u.startsWith(`/${tokens.acme}/x/`))).toBe(true);

    // A decrypted page comes with the hosts' headers from the service worker itself: never framed.
    const sent = await w.page.evaluate(async () => {
      const res = await fetch("index.html");
      return { status: res.status, headers: Object.fromEntries(res.headers.entries()) };
    });
    expect(sent.status).toBe(200);
    for (const [name, value] of HEADERS) expect(sent.headers[name.toLowerCase()], name).toBe(value);
    expect(sent.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(sent.headers["x-frame-options"]).toBe("DENY");
    // Object's own keys are no file of the share: the server answers 404 and the pack stays open.
    expect(await w.page.evaluate(async () => (await fetch("constructor")).status)).toBe(404);
    expect(await w.page.evaluate(async () => (await fetch("__proto__")).status)).toBe(404);
    await w.page.goto(`${link("acme")}p/index.html`, { waitUntil: "networkidle0" });
    expect(w.page.url()).toBe(`${link("acme")}p/index.html`);
    expect(await w.page.title()).toContain("Acme Analytics");

    // Published again (new salt, new blobs): the open tab is sent back to the unlock page.
    const changed = join(dir, "dist-changed");
    await cp(out, changed, { recursive: true });
    await writeFile(
      join(changed, "acme", "review.html"),
      (await readFile(join(changed, "acme", "review.html"), "utf8")).replace("</body>", "<p>v2</p></body>"),
    );
    const [again] = (await publish({ ...options, from: changed })).shares;
    expect([again.status, again.passcode]).toEqual(["published", null]);
    await w.page.goto(`${link("acme")}p/review.html`, { waitUntil: "networkidle0" });
    expect(w.page.url()).toBe(link("acme"));
    await unlock(w, acme.passcode!);
    await Promise.all([w.page.waitForNavigation({ waitUntil: "networkidle0" }), w.page.click("#open")]);
    await w.page.goto(`${link("acme")}p/review.html`, { waitUntil: "networkidle0" });
    expect(await w.page.evaluate(() => document.body.textContent)).toContain("v2");
    await context.close();
  });

  it("refuses an expired share: the day after its expiry the unlock page says so and asks for nothing", async () => {
    const w = await watchedPage(browser);
    await w.page.evaluateOnNewDocument(() => {
      const Real = Date;
      const later = new Real(2026, 11, 2, 9, 0, 0).getTime();
      globalThis.Date = class extends Real {
        constructor(...args: []) {
          super(...((args.length ? args : [later]) as []));
        }
        static now() {
          return later;
        }
      } as DateConstructor;
    });
    await w.page.goto(link("closeout-triage"), { waitUntil: "networkidle0" });
    await w.page.waitForSelector("#expired:not([hidden])");
    expect(await w.page.$eval("#expired", (p) => p.textContent)).toBe(
      `This link expired on ${triage.expires}. Please ask the sender for a new one.`,
    );
    expect(await w.page.$eval("#unlock", (f) => (f as HTMLElement).hidden)).toBe(true);
    await w.page.close();
  });

  it("publishes nothing of the customer in clear, not even its fonts: only the unlock page, lock.json and sealed blobs", async () => {
    const files = await listFiles(join(dir, "public", tokens.acme));
    const clear = files.filter((f) => !f.startsWith("x/"));
    // .milepost-share.json: the share's marker (a hash of token and customer, the state, the files' MD5s).
    expect(clear).toEqual([
      ".milepost-share.json",
      "icon.svg",
      "index.html",
      "lock.json",
      "sw.js",
      "unlock.css",
      "unlock.js",
    ]);
    for (const f of files) {
      const text = (await readFile(join(dir, "public", tokens.acme, f))).toString("latin1");
      for (const secret of [
        "Acme",
        "Reporting Automation",
        "Jordan Lee",
        acme.passcode!,
        acme.passcode!.replaceAll("-", ""),
      ])
        expect(text.includes(secret), `${f}: ${secret}`).toBe(false);
    }
    const lock = JSON.parse(await readFile(join(dir, "public", tokens.acme, "lock.json"), "utf8"));
    expect(lock).toMatchObject({
      version: 2,
      kdf: { name: "PBKDF2", hash: "SHA-256", iterations: 600_000 },
      expires: "2026-12-31",
    });
    expect(Buffer.from(lock.kdf.salt, "base64")).toHaveLength(16);
  });
});
