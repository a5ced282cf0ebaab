import { loadCases, runCase } from "./harness.js";

/**
 * `npm run hostile [-- PREFIX…]`: runs every hostile case (or those whose id starts with a
 * prefix) against the built CLI, one line per case, then `N cases, N held`. Exits 1 when any
 * case broke. `npm run hostile` builds the CLI first.
 */

const prefixes = process.argv.slice(2);
const cases = (await loadCases()).filter((c) => prefixes.length === 0 || prefixes.some((p) => c.id.startsWith(p)));
const width = Math.max(...cases.map((c) => c.id.length));
let held = 0;
for (const c of cases) {
  const why = await runCase(c);
  if (why === null) held++;
  const line = `${why === null ? "held  " : "BROKEN"}  ${c.id.padEnd(width)}  ${c.title}`;
  process.stdout.write(why === null ? `${line}\n` : `${line}\n        ↳ ${why.split("\n").join("\n          ")}\n`);
}
process.stdout.write(`${cases.length} cases, ${held} held\n`);
process.exitCode = cases.length > 0 && held === cases.length ? 0 : 1;
