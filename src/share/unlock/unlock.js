// The unlock page of a protected share. It derives the key from the passcode with WebCrypto,
// opens the sealed list of files in lock.json (a wrong passcode fails there, revealing
// nothing), hands the key to this share's service worker, which decrypts each file as the
// pack asks for it, and offers the PDFs as downloads. The passcode and key never leave the
// browser, and are never written to a URL.
"use strict";

const $ = (id) => document.getElementById(id);
const fromBase64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const normalize = (passcode) => passcode.toLowerCase().replace(/[\s-]/g, "");

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function show(id) {
  for (const el of document.querySelectorAll(".message")) el.hidden = el.id !== id;
}

async function deriveKey(passcode, kdf) {
  const material = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(normalize(passcode)),
    "PBKDF2",
    false,
    ["deriveKey"],
  );
  return crypto.subtle.deriveKey(
    { name: "PBKDF2", hash: kdf.hash, salt: fromBase64(kdf.salt), iterations: kdf.iterations },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["decrypt"],
  );
}

async function open(key, sealed, aad) {
  return crypto.subtle.decrypt(
    { name: "AES-GCM", iv: sealed.subarray(0, 12), additionalData: aad },
    key,
    sealed.subarray(12),
  );
}

async function tellWorker(message) {
  const registration = await navigator.serviceWorker.register("sw.js");
  await navigator.serviceWorker.ready;
  const worker = registration.active;
  await new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    worker.postMessage(message, [channel.port2]);
  });
}

async function offerDownloads(key, list) {
  const ul = $("downloads");
  for (const path of list.pdfs) {
    const sealed = new Uint8Array(await (await fetch(list.files[path].blob, { cache: "no-store" })).arrayBuffer());
    const pdf = new Blob([await open(key, sealed, new TextEncoder().encode(path))], { type: "application/pdf" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(pdf);
    a.download = path.split("/").pop();
    a.textContent = ul.dataset.template.replace("{name}", a.download);
    const li = document.createElement("li");
    li.append(a);
    ul.append(li);
  }
}

async function main() {
  if (!window.crypto?.subtle || !("serviceWorker" in navigator)) return show("unsupported");
  const lock = await (await fetch("lock.json", { cache: "no-store" })).json();
  if (lock.expires && today() > lock.expires) {
    $("expired").textContent = $("expired").dataset.template.replace("{date}", lock.expires);
    return show("expired");
  }
  const form = $("unlock");
  form.hidden = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    form.querySelector("button").disabled = true;
    try {
      const key = await deriveKey($("passcode").value, lock.kdf);
      let list;
      try {
        list = JSON.parse(
          new TextDecoder().decode(
            await open(key, fromBase64(lock.list), new TextEncoder().encode(lock.expires ?? "")),
          ),
        );
      } catch {
        show("wrong");
        return;
      }
      show(null);
      await tellWorker({ type: "unlock", key, files: list.files, expires: lock.expires });
      form.hidden = true;
      $("opened").hidden = false;
      await offerDownloads(key, list);
    } finally {
      form.querySelector("button").disabled = false;
    }
  });
}

main();
