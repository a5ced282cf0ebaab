import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The CLI's bundle is loaded through the V8 code cache the build leaves beside it
 * (bin/bundle-loader.js): V8 must take that cache, and a cache that does not fit must cost only
 * the compile it would have saved. Both run in a plain `node`, as a clerk's shell runs the CLI
 * (vitest's own process may carry V8 flags a cache is checked against). They read the bundle
 * `npm ci` built (its `prepare` script); nothing here rebuilds it, for the hostile suite runs it
 * at the same time.
 */

const REPO = new URL("../../", import.meta.url).pathname;
const BUNDLE = join(REPO, "lib/bundle/ledger-check.cjs");
const PROBE = `import("./bin/bundle-loader.js").then(async (m) => {
  const { exports, rejected } = m.loadBundle();
  let out = "";
  const code = await exports.main(["--version"], { stdout: (t) => (out += t), stderr: () => {}, stdoutIsTTY: false, stderrIsTTY: false });
  console.log(JSON.stringify({ rejected, code, out }));
});`;

const probe = (cwd: string) =>
  JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", PROBE], { cwd, encoding: "utf8" })) as {
    rejected: boolean;
    code: number;
    out: string;
  };

const temp = mkdtempSync(join(tmpdir(), "lc-bundle-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("the CLI bundle's code cache", () => {
  it("is made by the build and taken by V8", () => {
    expect(existsSync(BUNDLE), "lib/bundle/ledger-check.cjs: run npm run build:cli").toBe(true);
    expect(statSync(`${BUNDLE}.cache`).size).toBeGreaterThan(100_000);
    const r = probe(REPO);
    expect(r).toMatchObject({ rejected: false, code: 0 });
    expect(r.out).toMatch(/^ledger-check \d+\.\d+\.\d+\n$/);
  });

  it("when it does not fit, is rejected and the CLI runs all the same", () => {
    cpSync(join(REPO, "bin"), join(temp, "bin"), { recursive: true });
    cpSync(join(REPO, "lib/bundle"), join(temp, "lib/bundle"), { recursive: true });
    cpSync(join(REPO, "package.json"), join(temp, "package.json"));
    writeFileSync(join(temp, "lib/bundle/ledger-check.cjs.cache"), new Uint8Array(4096).fill(7));
    const r = probe(temp);
    expect(r).toMatchObject({ rejected: true, code: 0 });
    expect(r.out).toBe(probe(REPO).out);
    // And the real bin, as a shell runs it.
    expect(execFileSync(process.execPath, [join(temp, "bin/ledger-check.js"), "--version"], { encoding: "utf8" })).toBe(
      r.out,
    );
  });
});
