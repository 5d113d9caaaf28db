// Where shares are published: a folder, or S3-compatible object storage. Both list what is
// there with each file's MD5, so a publish uploads only what changed and prune deletes the rest.
// A listing that fails is an error, never an empty target; a delete that fails is reported.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";

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
  /** A file's bytes, or null when there is none. */
  read(key: string): Promise<Uint8Array | null>;
  /** Writes a file so a reader sees the old bytes or the new, never part of them. */
  put(file: TargetFile): Promise<void>;
  /** Deletes the files; returns those still there, with why. */
  remove(keys: string[]): Promise<Unremoved[]>;
}

/** A file a delete left in place, e.g. { key: "Q2x…/index.html", reason: "AccessDenied: Access Denied" }. */
export interface Unremoved {
  key: string;
  reason: string;
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
      // A target that does not exist yet holds nothing; any other failure (a folder that cannot be read) is an error.
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(
        (err: NodeJS.ErrnoException) => {
          if (err.code === "ENOENT") return [];
          throw err;
        },
      );
      for (const e of entries.filter((x) => x.isFile())) {
        const path = join(e.parentPath, e.name);
        found.set(relative(root, path).split(sep).join("/"), md5(await readFile(path)));
      }
      return found;
    },
    async read(key) {
      return readFile(join(root, ...key.split("/"))).catch((err: NodeJS.ErrnoException) => {
        if (err.code === "ENOENT") return null;
        throw err;
      });
    },
    async put(file) {
      const path = join(root, ...file.key.split("/"));
      await mkdir(dirname(path), { recursive: true });
      const partial = join(dirname(path), `.${randomBytes(6).toString("hex")}.partial`);
      try {
        await writeFile(partial, file.body);
        await rename(partial, path);
      } catch (err) {
        await rm(partial, { force: true });
        throw err;
      }
    },
    async remove(keys) {
      const left: Unremoved[] = [];
      const folders = new Set<string>();
      for (const key of keys) {
        const path = join(root, ...key.split("/"));
        try {
          await rm(path, { force: true });
          folders.add(dirname(path));
        } catch (err) {
          left.push({ key, reason: (err as Error).message });
        }
      }
      // Only the folders files were deleted from, and their parents up to the root, once empty.
      for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
        for (let dir = folder; dir.startsWith(`${root}${sep}`); dir = dirname(dir)) {
          if (
            !(await rmdir(dir).then(
              () => true,
              () => false,
            ))
          )
            break;
        }
      }
      return left;
    },
  };
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
    async read(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: root + key }));
        return await object.Body!.transformToByteArray();
      } catch (err) {
        if ((err as Error).name === "NoSuchKey") return null;
        throw err;
      }
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
      const left: Unremoved[] = [];
      for (let i = 0; i < keys.length; i += 1000) {
        const batch = keys.slice(i, i + 1000);
        try {
          // Quiet: the answer lists only the keys that were not deleted, each with its error.
          const answer = await client.send(
            new DeleteObjectsCommand({
              Bucket: bucket,
              Delete: { Objects: batch.map((k) => ({ Key: root + k })), Quiet: true },
            }),
          );
          for (const e of answer.Errors ?? [])
            left.push({ key: (e.Key ?? "").slice(root.length), reason: `${e.Code ?? "Error"}: ${e.Message ?? ""}` });
        } catch (err) {
          left.push(...batch.map((key) => ({ key, reason: (err as Error).message })));
        }
      }
      return left;
    },
  };
}
