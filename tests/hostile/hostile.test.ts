import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, it } from "vitest";
import { loadCases, REPO, runCase } from "./harness.js";

/**
 * The hostile suite inside `npm test`: the same cases `npm run hostile` runs, one test each,
 * against the CLI compiled here first (the cases run the real `bin/ledger-check.js`).
 */

const cases = await loadCases();

beforeAll(async () => {
  await promisify(execFile)(process.execPath, [`${REPO}/node_modules/typescript/bin/tsc`, "-p", "tsconfig.cli.json"], {
    cwd: REPO,
  });
}, 300_000);

// Concurrent (vitest's maxConcurrency, 5): each case waits mostly on the CLI processes it runs.
describe.concurrent("hostile inputs: the README's promises, case by case", () => {
  it("has cases", ({ expect }) => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const c of cases) {
    it(`${c.id}: ${c.title}`, async ({ expect }) => {
      expect(await runCase(c)).toBeNull();
    }, 300_000);
  }
});
