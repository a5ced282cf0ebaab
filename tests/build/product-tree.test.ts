import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, it } from "vitest";

/**
 * Test support is not product (docs ARCHITECTURE.md): fakes, builders and benches live under
 * tests/ and bench/, so nothing of them can be compiled into lib/ or bundled into dist/.
 */
const root = new URL("../../", import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const sources = files(join(root, "src")).filter((f) => /\.(ts|tsx)$/.test(f));

it("keeps fakes, test helpers and benches out of src/", () => {
  const named = sources.map((f) => relative(root, f)).filter((f) => /fake|testing|bench|builder|mock/i.test(f));
  expect(named).toEqual([]);
});

it("never imports tests/ or bench/ from src/", () => {
  const importing = sources
    .filter((f) => /from\s+["'](?:\.\.\/)+(?:tests|bench)\//.test(readFileSync(f, "utf8")))
    .map((f) => relative(root, f));
  expect(importing).toEqual([]);
});
