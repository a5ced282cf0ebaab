import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BUILD_INPUTS, buildBundle, isFresh } from "../../scripts/preview.mjs";
import { DIST, HARNESS_DIR, ROOT } from "./support.js";

/**
 * Builds, once per e2e run, what the browser tests load: the production task pane in dist/
 * (what `npm run preview` serves and what ships) and the harness page (the pane over the fake
 * Excel) in HARNESS_DIR. Each is rebuilt only when missing or older than its sources; a dist/
 * left by a development build (unhashed file names) is rebuilt too, since the tests measure
 * the production bundle.
 */
export default async function setup(): Promise<void> {
  const started = Date.now();
  if (!(await isFresh({ output: "dist/taskpane.html", cwd: ROOT })) || !isProductionBuild()) {
    await buildBundle({ mode: "production", quiet: true });
    console.log(`[e2e] built dist/ (production) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const harnessStarted = Date.now();
  const harnessInputs = [...BUILD_INPUTS, "tests/e2e/harness"];
  if (!(await isFresh({ output: join(HARNESS_DIR, "harness.html"), inputs: harnessInputs, cwd: ROOT }))) {
    // Development mode: the harness is a test page, and skipping minification halves the build.
    await buildBundle({ mode: "development", args: ["--env", "harness", "--output-path", HARNESS_DIR], quiet: true });
    console.log(`[e2e] built the harness in ${((Date.now() - harnessStarted) / 1000).toFixed(1)} s`);
  }
}

function isProductionBuild(): boolean {
  const html = join(DIST, "taskpane.html");
  return existsSync(html) && /taskpane\.[0-9a-f]{8}\.js/.test(readFileSync(html, "utf8"));
}
