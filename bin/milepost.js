#!/usr/bin/env node
// Runs on Node ≥ 22.18 / 24, which run TypeScript sources directly.
import { main } from "../src/cli.ts";

process.exitCode = await main(process.argv.slice(2));
