// node bench/publish.ts [--from dist] [--data data]
// Times `milepost publish` of a built portfolio (npm run demo first) to a folder and to a local
// S3-compatible server (s3rver), plain and --protect: the first publish, a re-publish with
// nothing changed, and one with one customer changed. Prints seconds per step.
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import S3rver from "s3rver";
import { publish, type PublishOptions } from "../src/share/publish.ts";

const { values } = parseArgs({
  options: { from: { type: "string", default: "dist" }, data: { type: "string", default: "data" } },
});
const scratch = await mkdtemp(join(tmpdir(), "milepost-publish-bench-"));
const dist = join(scratch, "dist");
await cp(resolve(values.from), dist, { recursive: true });
const server = new S3rver({
  port: 0,
  address: "127.0.0.1",
  silent: true,
  directory: join(scratch, "s3"),
  configureBuckets: [{ name: "packs", configs: [] }],
});
const { port } = await server.run();
process.env.AWS_ACCESS_KEY_ID ??= "S3RVER";
process.env.AWS_SECRET_ACCESS_KEY ??= "S3RVER";
const slugs = (await readdir(dist, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);

const base = (to: string, protect: boolean): PublishOptions => ({
  from: dist,
  dataDir: resolve(values.data),
  to,
  endpoint: `http://127.0.0.1:${port}`,
  customers: "all",
  protect,
  expires: "2099-12-31",
  prune: false,
  sharesFile: join(scratch, `${protect}-${to.replaceAll(/\W/g, "")}.csv`),
  today: new Date().toISOString().slice(0, 10),
});
async function time(label: string, opts: PublishOptions): Promise<void> {
  const started = performance.now();
  const r = await publish(opts);
  console.log(
    `${label.padEnd(58)} ${((performance.now() - started) / 1000).toFixed(2).padStart(6)} s  ${String(r.uploaded).padStart(4)} files uploaded`,
  );
}
let edit = 0;
async function changeOne(): Promise<void> {
  const file = join(dist, slugs[0], "index.html");
  await writeFile(file, (await readFile(file, "utf8")).replace("</body>", `<!-- ${++edit} --></body>`));
}

console.log(`${slugs.length} customers, ${dist}`);
for (const protect of [false, true]) {
  for (const to of [join(scratch, "public"), "s3://packs/q3"]) {
    const what = `${to.startsWith("s3:") ? "s3rver" : "folder"}${protect ? " --protect" : ""}`;
    await time(`${what}: first publish`, base(`${to}${protect ? "-sealed" : ""}`, protect));
    await time(`${what}: again, nothing changed`, base(`${to}${protect ? "-sealed" : ""}`, protect));
    await changeOne();
    await time(`${what}: again, one customer changed`, base(`${to}${protect ? "-sealed" : ""}`, protect));
  }
}
await server.close();
await rm(scratch, { recursive: true, force: true });
