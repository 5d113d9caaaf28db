// Passcode protection: every file of a share is sealed with AES-256-GCM under a key derived from
// the passcode (PBKDF2-SHA-256, a random salt per customer and publish), its fonts too (they are
// cut down to the characters of the customer's pages). What is published in clear is the unlock
// page, its script and service worker, and lock.json (salt, iteration count, expiry and the
// sealed list of files). Each blob is sealed with its file's path as associated data, so a blob
// moved to another name in the target no longer opens.
import { createCipheriv, pbkdf2, randomBytes, randomInt } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { contentType } from "../serve.ts";
import { cacheControl, type ShareFile } from "./files.ts";
import { HEADERS } from "./policy.ts";
import { unlockPage } from "./words.ts";

export const ITERATIONS = 600_000;
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford's base 32: no i, l, o or u to misread

/** A new passcode: 16 characters of 32 (80 bits), in groups of four. e.g. "k7m2-qx9p-3hvd-8tze" */
export function newPasscode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

/** What the key is derived from: the passcode without case, spaces or dashes (the unlock page does the same). */
export const normalizePasscode = (passcode: string) => passcode.toLowerCase().replace(/[\s-]/g, "");

/** What the unlock page needs to know about the pack, sealed in lock.json. */
export interface SealedList {
  /** Each sealed file by its path in the pack: the blob holding it and its type. */
  files: Record<string, { blob: string; type: string }>;
  /** The PDFs, offered as downloads. */
  pdfs: string[];
}

/** The published files of a protected share (paths relative to the share's folder). */
export async function protect(
  files: ShareFile[],
  options: { passcode: string; expires: string | null; locale: string; iterations?: number },
): Promise<ShareFile[]> {
  const iterations = options.iterations ?? ITERATIONS;
  const salt = randomBytes(16);
  const key = await promisify(pbkdf2)(normalizePasscode(options.passcode), salt, iterations, 32, "sha256");
  const list: SealedList = { files: {}, pdfs: [] };
  const out: ShareFile[] = [];
  let n = 0;
  for (const f of files) {
    const blob = `x/${n++}.bin`;
    list.files[f.path] = { blob, type: f.type };
    if (f.path.endsWith(".pdf")) list.pdfs.push(f.path);
    out.push({
      path: blob,
      body: seal(key, f.body, f.path),
      type: "application/octet-stream",
      cache: "private, no-cache",
    });
  }
  const expires = options.expires ?? "";
  const lock = {
    version: 2, // 2: each blob's path is its associated data
    kdf: { name: "PBKDF2", hash: "SHA-256", iterations, salt: salt.toString("base64") },
    expires: options.expires,
    // The expiry is bound to the sealed list: editing it in lock.json makes every passcode fail.
    list: seal(key, new TextEncoder().encode(JSON.stringify(list)), expires).toString("base64"),
  };
  const asset = (name: string) => readFile(join(import.meta.dirname, "unlock", name));
  const clear = (path: string, body: Uint8Array): ShareFile => ({
    path,
    body,
    type: contentType(path),
    cache: cacheControl(path),
  });
  out.push(
    clear("index.html", new TextEncoder().encode(unlockPage(options.locale))),
    clear("lock.json", new TextEncoder().encode(JSON.stringify(lock))),
    clear("unlock.js", await asset("unlock.js")),
    clear("sw.js", await serviceWorker()),
    clear("unlock.css", await asset("unlock.css")),
    clear("icon.svg", await asset("icon.svg")),
  );
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** iv (12 bytes) ‖ ciphertext ‖ tag (16 bytes): what WebCrypto's AES-GCM decrypt takes after the iv. */
function seal(key: Buffer, plain: Uint8Array, aad?: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  if (aad !== undefined) cipher.setAAD(Buffer.from(aad));
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** sw.js with the pages' headers written in: a decrypted page carries the policy a host sends, frame-ancestors too. */
export async function serviceWorker(): Promise<Uint8Array> {
  const text = await readFile(join(import.meta.dirname, "unlock", "sw.js"), "utf8");
  const line = "const HEADERS = {};";
  if (!text.includes(line)) throw new Error(`src/share/unlock/sw.js has no ${line}`);
  return new TextEncoder().encode(
    text.replace(line, `const HEADERS = ${JSON.stringify(Object.fromEntries(HEADERS))};`),
  );
}
