// Where shares are published: a folder, or S3-compatible object storage. Both list what is
// there with each file's MD5, so a publish uploads only what changed and prune deletes the rest.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

export interface TargetFile {
  /** Relative to the target's root, e.g. "Q2x…/index.html". */
  key: string;
  body: Uint8Array;
  type: string;
  cache: string;
}

export interface Target {
  /** What the target shows the user, e.g. "s3://shares/packs" or "public/". */
  label: string;
  /** Every file under the root with the MD5 (hex) of its bytes. */
  list(): Promise<Map<string, string>>;
  put(file: TargetFile): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export const md5 = (body: Uint8Array) => createHash("md5").update(body).digest("hex");

/** `--to s3://bucket/prefix` or a folder. */
export function openTarget(to: string, options: { endpoint?: string } = {}): Target {
  const s3 = /^s3:\/\/([^/]+)\/?(.*)$/.exec(to);
  return s3 ? s3Target(s3[1], s3[2].replace(/\/+$/, ""), options.endpoint) : folderTarget(to);
}

export function folderTarget(root: string): Target {
  return {
    label: `${root.replace(/\/+$/, "")}/`,
    async list() {
      const found = new Map<string, string>();
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      for (const e of entries.filter((x) => x.isFile())) {
        const path = join(e.parentPath, e.name);
        found.set(relative(root, path).split(sep).join("/"), md5(await readFile(path)));
      }
      return found;
    },
    async put(file) {
      const path = join(root, ...file.key.split("/"));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.body);
    },
    async remove(keys) {
      for (const key of keys) await rm(join(root, ...key.split("/")), { force: true });
      await removeEmptyFolders(root);
    },
  };
}

async function removeEmptyFolders(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => null);
  if (!entries) return false;
  let empty = true;
  for (const e of entries) {
    if (e.isDirectory() && (await removeEmptyFolders(join(dir, e.name))))
      await rm(join(dir, e.name), { recursive: true });
    else empty = false;
  }
  return empty;
}

/**
 * S3-compatible storage. Credentials and region come from the standard AWS chain only
 * (environment, shared config and credentials files, SSO, instance roles); with an endpoint
 * (MinIO, R2, a local server) requests use path-style addressing.
 */
export function s3Target(bucket: string, prefix: string, endpoint?: string): Target {
  const client = new S3Client({
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1",
  });
  const root = prefix ? `${prefix}/` : "";
  return {
    label: `s3://${bucket}/${prefix}`,
    async list() {
      const found = new Map<string, string>();
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: root, ContinuationToken: token }),
        );
        // A single-part upload's ETag is the MD5 of its bytes.
        for (const o of page.Contents ?? []) found.set(o.Key!.slice(root.length), (o.ETag ?? "").replaceAll('"', ""));
        token = page.NextContinuationToken;
      } while (token);
      return found;
    },
    async put(file) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: root + file.key,
          Body: file.body,
          ContentType: file.type,
          CacheControl: file.cache,
          ContentMD5: createHash("md5").update(file.body).digest("base64"),
        }),
      );
    },
    async remove(keys) {
      for (let i = 0; i < keys.length; i += 1000) {
        await client.send(
          new DeleteObjectsCommand({
            Bucket: bucket,
            Delete: { Objects: keys.slice(i, i + 1000).map((k) => ({ Key: root + k })), Quiet: true },
          }),
        );
      }
    },
  };
}
