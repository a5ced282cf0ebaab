#!/usr/bin/env node
// Runs the CLI, compiled and bundled into lib/bundle/ by `npm run build:cli` (run by `npm ci`
// through the `prepare` script; scripts/bundle-cli.mjs says why it is one bundle).
import { main } from "../lib/bundle/ledger-check.js";

process.exitCode = await main(process.argv.slice(2));
