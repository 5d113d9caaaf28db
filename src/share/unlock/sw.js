// The service worker of a protected share: once the unlock page hands it the key, it answers
// every request under p/ by fetching that file's sealed blob and decrypting it. The key is a
// non-extractable CryptoKey kept in this share's IndexedDB, so the pack stays open while the
// reader moves between pages; after the expiry day it sends the reader back to the unlock page.
"use strict";

const base = new URL("./", self.location).href;
// The headers a host sends with every page (src/share/policy.ts), written in at publish: a
// decrypted page is never framed, not by another origin of the same site either.
const HEADERS = {};
let state = null;

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function store(mode, action) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open("milepost-share", 1);
    request.onupgradeneeded = () => request.result.createObjectStore("keys");
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const tx = request.result.transaction("keys", mode);
      const done = action(tx.objectStore("keys"));
      tx.oncomplete = () => resolve(done.result);
      tx.onerror = () => reject(tx.error);
    };
  });
}

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("message", (event) => {
  if (event.data?.type !== "unlock") return;
  const { key, files, expires } = event.data;
  state = { key, files, expires };
  event.waitUntil(store("readwrite", (s) => s.put(state, base)).then(() => event.ports[0]?.postMessage("ok")));
});

self.addEventListener("fetch", (event) => {
  if (!event.request.url.startsWith(`${base}p/`)) return;
  const path =
    decodeURIComponent(new URL(event.request.url).pathname.slice(new URL(`${base}p/`).pathname.length)) || "index.html";
  event.respondWith(answer(path, event.request));
});

async function answer(path, request) {
  state ??= await store("readonly", (s) => s.get(base)).catch(() => null);
  if (!state || (state.expires && today() > state.expires)) return Response.redirect(base, 302);
  // "constructor", "__proto__": a path that is not one of the share's own is not in it.
  const file = Object.hasOwn(state.files, path) ? state.files[path] : undefined;
  if (!file) return fetch(request); // not in the share: the server answers (404)
  try {
    const sealed = new Uint8Array(await (await fetch(base + file.blob, { cache: "no-store" })).arrayBuffer());
    const body = await crypto.subtle.decrypt(
      // Sealed with its path: a blob moved under another file's name does not open.
      { name: "AES-GCM", iv: sealed.subarray(0, 12), additionalData: new TextEncoder().encode(path) },
      state.key,
      sealed.subarray(12),
    );
    return new Response(body, { headers: { ...HEADERS, "Content-Type": file.type, "Cache-Control": "no-store" } });
  } catch {
    // Published again since it was unlocked (a new salt, new files): ask for the passcode again.
    state = null;
    await store("readwrite", (s) => s.delete(base)).catch(() => {});
    return Response.redirect(base, 302);
  }
}
