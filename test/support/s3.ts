// A real S3-compatible server for the publishing tests: s3rver on 127.0.0.1 with one bucket, "shares", and an
// @aws-sdk/client-s3 client of it. milepost is given no credentials of its own: the standard AWS chain reads the
// environment, set here for the server's life and put back as it was when it stops.
import { join } from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

export interface S3Server {
  /** http://127.0.0.1:port */
  endpoint: string;
  /** A client of the server (path-style, us-east-1). */
  s3: S3Client;
  /** Every key of the bucket "shares" under `prefix`, over as many pages as the listing takes. */
  keys: (prefix: string) => Promise<string[]>;
  stop: () => Promise<void>;
}

/** Starts s3rver keeping its objects in `dir`/s3. */
export async function startS3(dir: string): Promise<S3Server> {
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: join(dir, "s3"),
    configureBuckets: [{ name: "shares", configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  process.env.AWS_ACCESS_KEY_ID = "S3RVER";
  process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
  const s3 = new S3Client({ endpoint, forcePathStyle: true, region: "us-east-1" });
  const keys = async (prefix: string) => {
    const found: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: "shares", Prefix: prefix, ContinuationToken: token }),
      );
      found.push(...(page.Contents ?? []).map((o) => o.Key!));
      token = page.NextContinuationToken;
    } while (token);
    return found;
  };
  const stop = async () => {
    s3.destroy();
    await server.close();
    for (const [name, value] of [
      ["AWS_ACCESS_KEY_ID", saved.id],
      ["AWS_SECRET_ACCESS_KEY", saved.secret],
    ] as const)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  };
  return { endpoint, s3, keys, stop };
}
