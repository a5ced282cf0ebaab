// Loads the CLI bundle (lib/bundle/ledger-check.cjs, made by scripts/bundle-cli.mjs) through V8's
// code cache. ledger-check's start (0.22 s over bare Node) was most of a check of a clerk's usual
// ledger of a few dozen rows, and compiling the bundle a third of that start (71 ms in profiles of
// `--help`): with the cache the build leaves beside it, `--json` on the sample ledger went
// 0.43 → 0.37 s against the ES module bundle loaded without one (15 rounds). Node 20 has
// no compile cache of its own for modules (module.enableCompileCache is Node 22.1+), and vm.Script
// takes cached data only for a script: hence a CommonJS bundle, wrapped as Node wraps a module.
// A cache that does not fit (another Node, other V8 flags, another bundle) is rejected by V8 and
// the bundle compiled as usual.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

export const BUNDLE = fileURLToPath(new URL("../lib/bundle/ledger-check.cjs", import.meta.url));
export const CACHE = `${BUNDLE}.cache`;

/**
 * The bundle's exports, and the script they came from (for the build to take its cache). The
 * wrapper keeps the bundle's first line on line 1, so stack traces point where the bundle does.
 * @param {{ cache?: boolean }} options
 * @returns {{ exports: { main: (argv: string[], io?: unknown) => Promise<number> }, script: Script, rejected: boolean }}
 */
export function loadBundle({ cache = true } = {}) {
  const source = readFileSync(BUNDLE, "utf8");
  let cachedData;
  if (cache) {
    try {
      cachedData = readFileSync(CACHE);
    } catch {
      // No cache (a build that made none): compiled as usual.
    }
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    cachedData,
  });
  const module = { exports: {} };
  script
    .runInThisContext()
    .call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { exports: module.exports, script, rejected: cachedData !== undefined && script.cachedDataRejected === true };
}
