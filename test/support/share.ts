// What the publishing tests share: a copy of the fixture data with share tokens and stakeholder
// emails, a real Caddy serving a folder with the README's header block, and a file lister.
import { spawn } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rotate } from "../../src/share/rotate.ts";
import { FIXTURES } from "./portfolio.ts";

/** A scratch folder with `data/`: the fixture customers, each given a share token; some stakeholders given emails. */
export async function shareScratch(): Promise<{ dir: string; data: string; tokens: Record<string, string> }> {
  const dir = await mkdtemp(join(tmpdir(), "milepost-share-"));
  const data = join(dir, "data");
  await cp(join(FIXTURES, "data"), data, { recursive: true });
  const tokens: Record<string, string> = {};
  for (const slug of await readdir(data)) tokens[slug] = await rotate(data, slug);
  for (const [slug, domain] of [
    ["kiso-kogyo", "kiso.example"],
    ["closeout-triage", "thistle.example"],
  ]) {
    const file = join(data, slug, "customer.json");
    const customer = JSON.parse(await readFile(file, "utf8"));
    customer.stakeholders = (
      customer.stakeholders ?? [{ name: "Fiona Grant", role: "Operations Director", audience: "executive" }]
    ).map((s: { name: string }, i: number) => ({ ...s, email: `person${i + 1}@${domain}` }));
    await writeFile(file, JSON.stringify(customer, null, 2));
  }
  return { dir, data, tokens };
}

/** Every file under `dir`, relative, with "/" separators. */
export async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(dir.length + 1)
        .split("\\")
        .join("/"),
    )
    .sort();
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The Caddy block of the README (section "Hosting headers"), serving `root` on 127.0.0.1, logging requests to `log`. */
export async function caddyfile(root: string, port: number, log: string): Promise<string> {
  const readme = await readFile(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
  const block = /```caddy\n([\s\S]*?)```/.exec(readme)![1];
  return `{\n\tadmin off\n\tauto_https off\n}\n${block
    .replace("packs.example.com {", `http://127.0.0.1:${port} {\n\tlog {\n\t\toutput file ${log}\n\t\tformat json\n\t}`)
    .replace("/srv/packs", root)}`;
}

/** Starts Caddy (Debian's caddy, installed by .ci/run) with the README's block; resolves once it answers. */
export async function startCaddy(
  root: string,
  dir: string,
): Promise<{ origin: string; log: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const log = join(dir, "caddy-access.log");
  const config = join(dir, "Caddyfile");
  await writeFile(config, await caddyfile(root, port, log));
  const child = spawn("caddy", ["run", "--config", config, "--adapter", "caddyfile"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`caddy exited: ${stderr}`);
    if (
      await fetch(`${origin}/robots.txt`).then(
        () => true,
        () => false,
      )
    )
      break;
    if (i > 200) throw new Error(`caddy did not answer: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    origin,
    log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Starts nginx (Debian's, installed by .ci/run) with the README's server block, serving `root` on 127.0.0.1. */
export async function startNginx(root: string, dir: string): Promise<{ origin: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const readme = await readFile(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
  const block = /```nginx\n([\s\S]*?)```/
    .exec(readme)![1]
    .replace("server_name packs.example.com;", `listen 127.0.0.1:${port};`)
    .replace("/srv/packs", root);
  const temp = (name: string) => `${name}_temp_path ${join(dir, `nginx-${name}`)};`;
  const config = join(dir, "nginx.conf");
  await writeFile(
    config,
    `daemon off;
${process.getuid?.() === 0 ? "user root;" : ""}
pid ${join(dir, "nginx.pid")};
error_log ${join(dir, "nginx-error.log")};
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join("\n  ")}
  ${block}
}
`,
  );
  const child = spawn("nginx", ["-c", config, "-p", dir], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    if (
      await fetch(`${origin}/robots.txt`).then(
        () => true,
        () => false,
      )
    )
      break;
    if (i > 200) throw new Error(`nginx did not answer: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGQUIT");
      }),
  };
}
