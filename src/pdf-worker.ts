// Finishing printed PDFs off Node's main thread, which serves Chromium the pages it prints: a small pool of worker
// threads, each calling finishedPdf (src/pdf-finish.ts: bytes in, bytes out). The threads end with close(), and with the process, whatever
// stops it (a signal's handler exits, and threads do not outlive their process); an idle thread keeps no process alive.
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { finishedPdf } from "./pdf-finish.ts";
import type { Bookmark, PdfInfo } from "./pdfinfo.ts";

/** A pool of threads that finish PDFs (finishedPdf), so that the main thread goes on serving pages meanwhile. */
export interface Finisher {
  finish(pdf: Uint8Array, info: PdfInfo, bookmarks: Bookmark[]): Promise<Uint8Array>;
  /** Threads running now: none before the first PDF and after close(). */
  readonly threads: number;
  /** Ends every thread; PDFs still being finished are refused (their promises reject). */
  close(): Promise<void>;
}

interface Request {
  id: number;
  pdf: Uint8Array;
  info: PdfInfo;
  bookmarks: Bookmark[];
}

type Reply = { id: number; pdf: Uint8Array } | { id: number; error: string };

/** Tells a finishing thread from any other thread that imports this module (a test runner's). */
const ROLE = "milepost:finish-pdf";

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve: (pdf: Uint8Array) => void; reject: (err: Error) => void }>;
}

/** Opens a pool of up to `size` finishing threads, started on first use. */
export function openFinisher(size = 1): Finisher {
  const threads: Thread[] = [];
  let ids = 0;
  let closed = false;
  const start = (): Thread => {
    const worker = new Worker(new URL(import.meta.url), { workerData: ROLE });
    const thread: Thread = { worker, pending: new Map() };
    const fail = (err: Error) => {
      const at = threads.indexOf(thread);
      if (at >= 0) threads.splice(at, 1);
      for (const { reject } of thread.pending.values()) reject(err);
      thread.pending.clear();
    };
    worker.on("message", (reply: Reply) => {
      const waiting = thread.pending.get(reply.id);
      thread.pending.delete(reply.id);
      if (thread.pending.size === 0) worker.unref();
      if ("error" in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.pdf);
    });
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (threads.includes(thread)) fail(new Error(`the PDF finishing thread stopped (exit code ${code})`));
    });
    worker.unref();
    threads.push(thread);
    return thread;
  };
  return {
    get threads() {
      return threads.length;
    },
    finish(pdf, info, bookmarks) {
      if (closed) return Promise.reject(new Error("the PDF finisher is closed"));
      // The least busy thread, or a new one while the pool is not full.
      const thread =
        threads.find((t) => t.pending.size === 0) ?? (threads.length < size ? start() : leastBusy(threads));
      const id = ++ids;
      // A copy of its own, handed over to the thread rather than copied again.
      const bytes = pdf.slice();
      return new Promise((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.ref();
        thread.worker.postMessage({ id, pdf: bytes, info, bookmarks } satisfies Request, [bytes.buffer]);
      });
    },
    async close() {
      closed = true;
      const ending = threads.splice(0);
      for (const t of ending) for (const { reject } of t.pending.values()) reject(new Error("the PDF finisher closed"));
      await Promise.all(ending.map((t) => t.worker.terminate()));
    },
  };
}

/** The bytes in an ArrayBuffer of their own, which can be handed to another thread (a Buffer may share Node's pool). */
const own = (bytes: Uint8Array): Uint8Array<ArrayBuffer> =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
    ? (bytes as Uint8Array<ArrayBuffer>)
    : bytes.slice();

const leastBusy = (threads: Thread[]): Thread =>
  threads.reduce((best, t) => (t.pending.size < best.pending.size ? t : best));

// In a finishing thread: finish each PDF sent, and send it back.
if (!isMainThread && workerData === ROLE && parentPort) {
  const port = parentPort;
  port.on("message", ({ id, pdf, info, bookmarks }: Request) => {
    try {
      const finished = own(finishedPdf(pdf, info, bookmarks));
      port.postMessage({ id, pdf: finished } satisfies Reply, [finished.buffer]);
    } catch (err) {
      port.postMessage({ id, error: (err as Error).message } satisfies Reply);
    }
  });
}
