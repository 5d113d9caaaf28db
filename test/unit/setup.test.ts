// scripts/setup.sh and scripts/setup-tests.sh decide what to install: the real scripts, with an
// apt-get first on PATH that only writes down how it was called.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SCRIPTS = join(import.meta.dirname, "..", "..", "scripts");

/** A folder of stand-ins: apt-get (and sudo) record their arguments in `calls`; apt-get install puts each package's command there. */
function standIns(): { bin: string; calls: () => string[] } {
  const bin = mkdtempSync(join(tmpdir(), "milepost-setup-"));
  const log = join(bin, "calls.log");
  const script = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/bash\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  script(
    "apt-get",
    `echo "apt-get $*" >> ${log}
if [[ " $* " == *" install "* ]]; then
  for p in "$@"; do case "$p" in -*|install|DPkg*) ;; *) printf '#!/bin/sh\\n' > "${bin}/$p"; chmod +x "${bin}/$p";; esac; done
fi`,
  );
  script("sudo", `echo "sudo $*" >> ${log}`);
  return { bin, calls: () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : []) };
}

const run = (script: string, path: string) =>
  spawnSync("bash", [join(SCRIPTS, script)], { encoding: "utf8", env: { ...process.env, PATH: path } });

/** Where `name` is on this machine's PATH. */
const which = (name: string) => spawnSync("bash", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();

/** A PATH of the stand-ins and only the tools named (so what is left out is missing), with `id -u` answering `uid`. */
function sandbox(tools: string[], uid: number) {
  const s = standIns();
  for (const tool of ["bash", "chmod", "dirname", "fc-list", ...tools]) symlinkSync(which(tool), join(s.bin, tool));
  writeFileSync(join(s.bin, "id"), `#!/bin/sh\necho ${uid}\n`);
  chmodSync(join(s.bin, "id"), 0o755);
  return s;
}

describe("scripts/setup.sh", () => {
  it("with everything installed, run again and again, calls no apt-get and says nothing", () => {
    const { bin, calls } = standIns();
    for (let i = 0; i < 5; i++) {
      for (const script of ["setup.sh", "setup-tests.sh"]) {
        const r = run(script, `${bin}:${process.env.PATH}`);
        expect([script, r.status, r.stdout, r.stderr]).toEqual([script, 0, "", ""]);
      }
    }
    expect(calls()).toEqual([]);
  });

  it("as root installs only what is missing (chromium), waiting for apt's lock; the second run installs nothing", () => {
    const { bin, calls } = sandbox(["pdftoppm"], 0);
    const first = run("setup.sh", bin);
    expect([first.status, first.stdout]).toEqual([0, "milepost: installed chromium\n"]);
    expect(calls()).toEqual([
      "apt-get -o DPkg::Lock::Timeout=300 update -qq",
      "apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium",
    ]);
    const second = run("setup.sh", bin);
    expect([second.status, second.stdout, second.stderr]).toEqual([0, "", ""]);
    expect(calls()).toHaveLength(2);
  });

  it("as another user prints the one sudo line for what is missing and calls neither apt-get nor sudo", () => {
    const { bin, calls } = sandbox([], 1000);
    const r = run("setup.sh", bin);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      "milepost: missing chromium poppler-utils; install them as root, then run this again:\n" +
        "  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium poppler-utils\n",
    );
    expect(calls()).toEqual([]);
  });
});

describe("scripts/setup-tests.sh", () => {
  it("as another user prints the sudo line for the servers missing", () => {
    const { bin, calls } = sandbox(["nginx", "qpdf", "soffice"], 1000);
    const r = run("setup-tests.sh", bin);
    expect([r.status, r.stderr]).toEqual([
      1,
      "milepost: missing caddy; install them as root, then run this again:\n" +
        "  sudo apt-get update && sudo apt-get install -y --no-install-recommends caddy\n",
    ]);
    expect(calls()).toEqual([]);
  });
});
