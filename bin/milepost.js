#!/usr/bin/env node
// Runs on Node ≥ 22.18 / 24, which run TypeScript sources directly. Node's compile cache keeps each source's stripped
// JavaScript and its compiled code between runs (.milepost/compile-cache/), so a command does not strip and compile
// milepost's TypeScript again each time it starts; a source changed is compiled again, and where the folder cannot be
// written the sources load as before.
import { enableCompileCache } from "node:module";

enableCompileCache(new URL("../.milepost/compile-cache/", import.meta.url).pathname);
const { main } = await import("../src/cli.ts");
const { watchParent } = await import("../src/parent.ts");

// A parent gone is a hang-up: each command stops as on SIGHUP (build and dev clean up first).
watchParent(() => process.kill(process.pid, "SIGHUP"));
process.exitCode = await main(process.argv.slice(2));
