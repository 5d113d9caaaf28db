// Passcode protection: what protect() publishes opens with the passcode through WebCrypto (the
// unlock page's algorithm, run here in Node's WebCrypto), and with nothing else.
import { webcrypto } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentType } from "../../src/serve.ts";
import { cacheControl, type ShareFile } from "../../src/share/files.ts";
import { HEADERS } from "../../src/share/policy.ts";
import { newPasscode, normalizePasscode, protect, type SealedList } from "../../src/share/protect.ts";
import { unlockPage } from "../../src/share/words.ts";

const file = (path: string, text: string): ShareFile => ({
  path,
  body: new TextEncoder().encode(text),
  type: contentType(path),
  cache: cacheControl(path),
});
const FILES = [
  file("index.html", "<h1>Acme Analytics</h1>"),
  file("acme-qbr-2026-Q3.pdf", "%PDF-1.7 Acme"),
  file("_astro/inter.woff2", "font"),
  file("files/logo.svg", "<svg/>"),
];

async function openWith(
  published: ShareFile[],
  passcode: string,
): Promise<{ list: SealedList; read: (path: string) => Promise<string> }> {
  const byPath = new Map(published.map((f) => [f.path, f.body]));
  const lock = JSON.parse(new TextDecoder().decode(byPath.get("lock.json")));
  const subtle = webcrypto.subtle;
  const material = await subtle.importKey(
    "raw",
    new TextEncoder().encode(normalizePasscode(passcode)),
    "PBKDF2",
    false,
    ["deriveKey"],
  );
  const key = await subtle.deriveKey(
    {
      name: "PBKDF2",
      hash: lock.kdf.hash,
      salt: Buffer.from(lock.kdf.salt, "base64"),
      iterations: lock.kdf.iterations,
    },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["decrypt"],
  );
  const open = async (sealed: Uint8Array, aad = "") =>
    new TextDecoder().decode(
      await subtle.decrypt(
        { name: "AES-GCM", iv: sealed.subarray(0, 12), additionalData: new TextEncoder().encode(aad) },
        key,
        sealed.subarray(12),
      ),
    );
  const list = JSON.parse(await open(Buffer.from(lock.list, "base64"), lock.expires ?? "")) as SealedList;
  return { list, read: (path) => open(byPath.get(list.files[path].blob)!, path) };
}

describe("newPasscode()", () => {
  it("gives 16 characters of a 32-letter alphabet (80 bits), in groups of four, never twice the same", () => {
    const seen = new Set(Array.from({ length: 200 }, newPasscode));
    expect(seen.size).toBe(200);
    for (const p of seen) expect(p).toMatch(/^[0-9abcdefghjkmnpqrstvwxyz]{4}(-[0-9abcdefghjkmnpqrstvwxyz]{4}){3}$/);
    expect(16 * Math.log2(32)).toBeGreaterThanOrEqual(60);
  });
});

describe("protect(files, options)", () => {
  it("seals every file, fonts too; the passcode, typed with spaces or capitals, opens each one", async () => {
    const published = await protect(FILES, {
      passcode: "k7m2-qx9p-3hvd-8tze",
      expires: "2026-12-31",
      locale: "en-US",
      iterations: 1000,
    });
    expect(published.map((f) => f.path)).toEqual([
      "icon.svg",
      "index.html",
      "lock.json",
      "sw.js",
      "unlock.css",
      "unlock.js",
      "x/0.bin",
      "x/1.bin",
      "x/2.bin",
      "x/3.bin",
    ]);
    const { list, read } = await openWith(published, "K7M2 QX9P 3HVD 8TZE");
    expect(list.pdfs).toEqual(["acme-qbr-2026-Q3.pdf"]);
    expect(await read("index.html")).toBe("<h1>Acme Analytics</h1>");
    expect(await read("acme-qbr-2026-Q3.pdf")).toBe("%PDF-1.7 Acme");
    expect(await read("files/logo.svg")).toBe("<svg/>");
    expect(published.find((f) => f.path === "index.html")!.body).toEqual(new TextEncoder().encode(unlockPage("en-US")));
    const clear = published
      .filter((f) => !f.path.startsWith("x/"))
      .map((f) => new TextDecoder().decode(f.body))
      .join("\n");
    for (const secret of ["Acme", "k7m2", "K7M2", "qbr"]) expect(clear).not.toContain(secret);
  });

  it("fails for a wrong passcode and for an edited expiry", async () => {
    const published = await protect(FILES, {
      passcode: "k7m2-qx9p-3hvd-8tze",
      expires: "2026-12-31",
      locale: "en-US",
      iterations: 1000,
    });
    await expect(openWith(published, "k7m2-qx9p-3hvd-8tzf")).rejects.toThrow();
    const lock = published.find((f) => f.path === "lock.json")!;
    const edited = {
      ...lock,
      body: new TextEncoder().encode(new TextDecoder().decode(lock.body).replace("2026-12-31", "2099-12-31")),
    };
    await expect(
      openWith(
        published.map((f) => (f === lock ? edited : f)),
        "k7m2-qx9p-3hvd-8tze",
      ),
    ).rejects.toThrow();
  });

  it("binds each blob to its path: a blob moved under another file's name does not open", async () => {
    const published = await protect(FILES, { passcode: "p", expires: null, locale: "en-US", iterations: 1000 });
    const { list, read } = await openWith(published, "p");
    const [a, b] = [list.files["index.html"].blob, list.files["files/logo.svg"].blob];
    const swapped = published.map((f) => (f.path === a ? { ...f, path: b } : f.path === b ? { ...f, path: a } : f));
    expect(await read("index.html")).toBe("<h1>Acme Analytics</h1>");
    await expect((await openWith(swapped, "p")).read("index.html")).rejects.toThrow();
    await expect((await openWith(swapped, "p")).read("files/logo.svg")).rejects.toThrow();
  });

  it("writes the pages' headers into the service worker, frame-ancestors and X-Frame-Options among them", async () => {
    const published = await protect(FILES, { passcode: "p", expires: null, locale: "en-US", iterations: 1000 });
    const sw = new TextDecoder().decode(published.find((f) => f.path === "sw.js")!.body);
    const written = JSON.parse(/^const HEADERS = (\{.*\});$/m.exec(sw)![1]);
    expect(written).toEqual(Object.fromEntries(HEADERS));
    expect(written["Content-Security-Policy"]).toMatch(/; frame-ancestors 'none'$/);
    expect(written["X-Frame-Options"]).toBe("DENY");
  });

  it("draws a new salt and new blobs at each publish, and uses 600,000 iterations by default", async () => {
    const a = await protect(FILES, { passcode: "p", expires: null, locale: "ja-JP" });
    const b = await protect(FILES, { passcode: "p", expires: null, locale: "ja-JP" });
    const lock = (x: ShareFile[]) => JSON.parse(new TextDecoder().decode(x.find((f) => f.path === "lock.json")!.body));
    expect(lock(a).kdf.iterations).toBe(600_000);
    expect(lock(a).kdf.salt).not.toBe(lock(b).kdf.salt);
    expect(a.find((f) => f.path === "x/0.bin")!.body).not.toEqual(b.find((f) => f.path === "x/0.bin")!.body);
    expect(new TextDecoder().decode(a.find((f) => f.path === "index.html")!.body)).toContain(
      "<h1>この資料は保護されています</h1>",
    );
  });
});

describe("cacheControl(path) and contentType(path)", () => {
  it("keeps customer data out of shared caches and caches hashed bundles and fonts for a year", () => {
    expect(cacheControl("index.html")).toBe("private, no-cache");
    expect(cacheControl("acme-qbr-2026-Q3.pdf")).toBe("private, no-cache");
    expect(cacheControl("_astro/Base.x1.js")).toBe("public, max-age=31536000, immutable");
    expect(cacheControl("_astro/trend.Cr5_EbVK.svg")).toBe("private, no-cache"); // a narrative image is the customer's
    expect(cacheControl("fonts/noto-sans-jp-japanese-400-normal.woff2")).toBe("public, max-age=31536000, immutable");
    expect([
      contentType("a.html"),
      contentType("b.PDF"),
      contentType("c.svg"),
      contentType("d.woff2"),
      contentType("e.xyz"),
    ]).toEqual([
      "text/html; charset=utf-8",
      "application/pdf",
      "image/svg+xml",
      "font/woff2",
      "application/octet-stream",
    ]);
  });
});
