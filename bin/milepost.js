#!/usr/bin/env node
// Runs on Node ≥ 22.18 / 24, which run TypeScript sources directly.
import { main } from "../src/cli.ts";
import { watchParent } from "../src/parent.ts";

// A parent gone is a hang-up: each command stops as on SIGHUP (build and dev clean up first).
watchParent(() => process.kill(process.pid, "SIGHUP"));
process.exitCode = await main(process.argv.slice(2));
