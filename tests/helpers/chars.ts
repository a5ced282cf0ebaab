import { LEDGER_RANGES } from "../../src/core/parse/chars.js";

/** Every character from `first` to `last` (code units), one string each. */
export function charRange(first: number, last: number): string[] {
  return Array.from({ length: last - first + 1 }, (_, i) => String.fromCharCode(first + i));
}

/**
 * The characters a unit table (parse/chars.ts unitTable) reads one at a time, and `neighbours`
 * that could compose with them or fall outside it: what its callers' pair tests run over.
 */
export function tableChars(neighbours: string): string[] {
  return [...LEDGER_RANGES.flatMap(([first, last]) => charRange(first, last)), ...neighbours];
}
