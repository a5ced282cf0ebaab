#!/usr/bin/env node
// Runs the CLI, compiled and bundled into lib/bundle/ by `npm run build:cli` (run by `npm ci`
// through the `prepare` script; scripts/bundle-cli.mjs says why it is one bundle, and
// bundle-loader.js why it is loaded through V8's code cache).
import { loadBundle } from "./bundle-loader.js";

process.exitCode = await loadBundle().exports.main(process.argv.slice(2));
