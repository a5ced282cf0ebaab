#!/usr/bin/env node
// Bundles the CLI that `tsc -p tsconfig.cli.json` compiled into lib/ as one CommonJS script,
// lib/bundle/ledger-check.cjs, which bin/ledger-check.js runs, and leaves V8's code cache for it
// beside it (bin/bundle-loader.js says why). As ~190 separate modules (zod alone is ~100), Node
// spent ~0.17 s of CPU resolving, reading and linking them before the first line ran (measured on
// `--help`: 0.35 s against 0.18 s bundled); the code itself is tsc's output, unchanged. The parts
// loaded only on demand (the CSV reader, the Word writer) stay lazy: esbuild runs a bundled module's
// body only when it is first imported. Run by `npm run build:cli`.
import { build } from "esbuild";
import { rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
// Chunks are named by content hash: last build's would stay beside this one's.
rmSync(new URL("../lib/bundle", import.meta.url), { recursive: true, force: true });

/**
 * zod re-exports all of its 63 locales as `z.locales` (zod/v4/classic and core, `export * as
 * locales`), and a namespace reached as `z` keeps every member: 368 KB of the bundle's 1.45 MB,
 * parsed at every start. The CLI uses none of them (its messages are its own, src/core/errors.ts;
 * zod configures English itself), so the namespace resolves to English alone.
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)
        ? { path: fileURLToPath(new URL("../node_modules/zod/v4/locales/en.js", import.meta.url)), namespace: "zod-en" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-en" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: root,
    }));
  },
};

await build({
  absWorkingDir: root,
  entryPoints: ["lib/cli/main.js"],
  outfile: "lib/bundle/ledger-check.cjs",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  // The one ES module feature the CLI's code uses: a file's own URL (options.ts finds package.json by it).
  define: { "import.meta.url": "__importMetaUrl" },
  banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  // Whitespace and syntax only: names stay, so a stack trace still reads. BUNDLE_READABLE=1 keeps
  // the lines too, for a profile that should point at them.
  minifyWhitespace: process.env.BUNDLE_READABLE !== "1",
  minifySyntax: process.env.BUNDLE_READABLE !== "1",
  plugins: [zodEnglishOnly],
  logLevel: "warning",
});

// The code cache: taken after a run of `--help`, so that it holds what every run compiles (the
// modules' bodies, the command line) and little more. A bigger one (1.15 MB, taken after a whole
// --out) left the sample's --json at 0.42 s, no faster than no cache (0.41 s; 0.32 s with this one).
const { loadBundle, CACHE } = await import("../bin/bundle-loader.js");
const { exports, script } = loadBundle({ cache: false });
const quiet = { stdout: () => {}, stderr: () => {}, stdoutIsTTY: false, stderrIsTTY: false };
if ((await exports.main(["--help"], quiet)) !== 0) throw new Error("bundle-cli: the bundle's --help failed");
writeFileSync(CACHE, script.createCachedData());
