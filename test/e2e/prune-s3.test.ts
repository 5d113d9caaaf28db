// Revocation that is checked, against a real S3-compatible server (s3rver on 127.0.0.1) behind a
// small proxy, also on 127.0.0.1, that answers DeleteObjects as a bucket policy denying deletes
// does (200, an Error per key) or refuses to list: prune fails loudly naming what is still live,
// a listing error is an error, and the next prune that may delete finishes the job.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MilepostError } from "../../src/errors.ts";
import { publish, type PublishOptions } from "../../src/share/publish.ts";
import { readShares } from "../../src/share/shares.ts";
import { rotate } from "../../src/share/rotate.ts";
import { startS3, type S3Server } from "../support/s3.ts";
import { shareScratch } from "../support/share.ts";

const out = inject("portfolio");
let dir: string;
let data: string;
let tokens: Record<string, string>;
let bucket: S3Server;
let endpoint: string;
let proxy: Server;
let proxied: string;
/** What the proxy refuses now. */
let refuse: "delete" | "list" = "delete";

const options = (over: Partial<PublishOptions> = {}): PublishOptions => ({
  from: out,
  dataDir: data,
  to: "s3://shares/q3",
  endpoint,
  baseUrl: "https://packs.example.com/q3/",
  customers: "all",
  protect: false,
  expires: null,
  prune: false,
  sharesFile: join(dir, "shares.csv"),
  today: "2026-12-01",
  ...over,
});

const keys = (prefix: string) => bucket.keys(prefix);

/** Forwards every request to s3rver as it came (the signature covers the Host header), but what `refuse` names. */
function startProxy(upstream: URL): Promise<Server> {
  const denied = (key?: string) =>
    key === undefined
      ? "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"
      : `<Error><Key>${key}</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error>`;
  const proxyServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url!, "http://x");
      if (refuse === "delete" && req.method === "POST" && url.searchParams.has("delete")) {
        const keys = [...body.toString("utf8").matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]);
        res.writeHead(200, { "Content-Type": "application/xml" });
        res.end(
          `<?xml version="1.0" encoding="UTF-8"?><DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${keys.map(denied).join("")}</DeleteResult>`,
        );
        return;
      }
      if (refuse === "list" && req.method === "GET" && url.searchParams.get("list-type") === "2") {
        res.writeHead(403, { "Content-Type": "application/xml" });
        res.end(`<?xml version="1.0" encoding="UTF-8"?>${denied()}`);
        return;
      }
      const forward = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode!, answer.headers);
          answer.pipe(res);
        },
      );
      forward.end(body);
    });
  });
  return new Promise((resolve) => proxyServer.listen(0, "127.0.0.1", () => resolve(proxyServer)));
}

beforeAll(async () => {
  ({ dir, data, tokens } = await shareScratch());
  bucket = await startS3(dir);
  endpoint = bucket.endpoint;
  proxy = await startProxy(new URL(endpoint));
  proxied = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
  await bucket?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("publish --prune to S3 that denies deletes", () => {
  it("fails naming the share still live and each key with its error; shares.csv keeps the old link", async () => {
    await publish(options());
    const old = tokens.acme;
    const before = await keys(`q3/${old}/`);
    expect(before).toContain(`q3/${old}/.milepost-share.json`);
    tokens.acme = await rotate(data, "acme");
    refuse = "delete";
    const err = await publish(options({ endpoint: proxied, prune: true })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MilepostError);
    const e = err as MilepostError;
    expect(e.title).toBe(`${before.length - 1} files were not deleted: 1 share is still live`);
    expect(e.message.split("\n")[0]).toBe(`Still live: ${old}`);
    expect(e.message).toContain(`\n  s3://shares/q3/${old}/acme-qbr-2026-Q3.pdf — AccessDenied: Access Denied\n`);
    expect(e.message.endsWith(`\n  … and ${before.length - 1 - 10} more`)).toBe(true);
    expect(e.hint).toBe(
      "allow s3:DeleteObject on the prefix to the credentials publish uses (a bucket policy or IAM), then run the same publish again",
    );
    // Nothing was deleted, the marker included, so the next prune knows the share as milepost's.
    expect((await keys(`q3/${old}/`)).sort()).toEqual(before.sort());
    const rows = await readShares(join(dir, "shares.csv"));
    expect(rows.map((r) => r.token)).toContain(old);
    expect(rows.map((r) => r.token)).toContain(tokens.acme);

    const retried = await publish(options({ prune: true }));
    expect(retried.pruned).toEqual([old]);
    expect(await keys(`q3/${old}/`)).toEqual([]);
    expect((await readShares(join(dir, "shares.csv"))).map((r) => r.token)).not.toContain(old);
  });

  it("takes a listing the bucket refuses for an error, not for an empty bucket", async () => {
    refuse = "list";
    const err = await publish(options({ endpoint: proxied, prune: true })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MilepostError);
    expect((err as MilepostError).title).toBe("s3://shares/q3 cannot be read");
    expect((err as MilepostError).message).toContain("Access Denied");
    expect(await keys(`q3/${tokens.acme}/`)).toContain(`q3/${tokens.acme}/index.html`);
  });
});
