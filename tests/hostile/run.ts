import { loadCases, runCase } from "./harness.js";

/**
 * `npm run hostile [-- PREFIX…]`: runs every hostile case (or those whose id starts with a
 * prefix) against the built CLI, one line per case, then `N cases, N held`. Exits 1 when any
 * case broke. `npm run hostile` builds the CLI first.
 */

const prefixes = process.argv.slice(2);
const cases = (await loadCases()).filter((c) => prefixes.length === 0 || prefixes.some((p) => c.id.startsWith(p)));
const width = Math.max(...cases.map((c) => c.id.length));
// Three cases at a time (each waits mostly on the CLI processes it runs), printed in id order.
const results = new Map<number, Promise<string | null>>();
let next = 0;
const start = () => {
  const i = next++;
  if (i < cases.length) results.set(i, runCase(cases[i]!).finally(start));
};
for (let k = 0; k < 3; k++) start();
let held = 0;
for (let i = 0; i < cases.length; i++) {
  const c = cases[i]!;
  const why = await results.get(i)!;
  if (why === null) held++;
  const line = `${why === null ? "held  " : "BROKEN"}  ${c.id.padEnd(width)}  ${c.title}`;
  process.stdout.write(why === null ? `${line}\n` : `${line}\n        ↳ ${why.split("\n").join("\n          ")}\n`);
}
process.stdout.write(`${cases.length} cases, ${held} held\n`);
process.exitCode = cases.length > 0 && held === cases.length ? 0 : 1;
