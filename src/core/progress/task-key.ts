import { fieldText, type Task } from "../ledger/model.js";
import { DROP, isIdeograph, unitTable } from "../parse/chars.js";

/**
 * What identifies a task from one check to the next, when rows are inserted, deleted and
 * retyped in between. A row number says nothing (a clerk inserts rows); the texts do:
 *
 * - `problem` and `measures` are each hashed after normalisation (full-width to half-width,
 *   every space, line break and punctuation mark dropped, Latin letters lower-cased), so
 *   re-wrapping a cell, a changed comma or a full-width digit keeps the identity;
 * - matching (compare.ts) first pairs tasks whose problem AND measures agree, then tasks whose
 *   measures alone agree (the problem was reworded), then, within one problem, tasks in their
 *   order (a measure was reworded under an unchanged problem). A task whose problem and
 *   measures were both rewritten is a new task: one removed, one added.
 *
 * The hash is 53 bits (cyrb53), written base 36 (at most 11 characters): collisions among a
 * ledger's tens of thousands of texts are about one in a billion.
 */
export interface TaskKey {
  problem: string;
  measures: string;
}

export function taskKey(task: Task): TaskKey {
  return { problem: textHash(fieldText(task, "problem")), measures: textHash(fieldText(task, "measures")) };
}

/** Every task's key, in row order: a problem merged over many measure rows is one text, hashed once. */
export function taskKeys(tasks: readonly Task[]): TaskKey[] {
  let text: string | undefined;
  let hash = "";
  return tasks.map((task) => {
    const problem = fieldText(task, "problem");
    if (problem !== text) [text, hash] = [problem, textHash(problem)];
    return { problem: hash, measures: textHash(fieldText(task, "measures")) };
  });
}

/**
 * What the key reads of a text: NFKC (full-width digits and letters to half-width, ① to 1), with
 * every space, zero-width character, punctuation mark and symbol dropped, lower-cased. The same
 * text as parse/normalize.ts's normalize with punctuation and symbols then dropped (a property
 * test holds them equal), in one pass instead of eight: it runs on every task of every check.
 */
export function keyText(text: string): string {
  return text.normalize("NFKC").replace(IGNORED, "").toLowerCase();
}
const IGNORED = /[\s\u200B-\u200D\u2060\p{P}\p{S}]/gu;

export function textHash(text: string): string {
  const plain = plainHash(text);
  return base36(plain >= 0 ? plain : cyrb53(keyText(text)));
}

/**
 * `n.toString(36)` for a hash (an integer below 2^53), in two small-integer halves: V8 writes a
 * number past 2^31 in a radix through its general floating-point path, about 1 µs a call, which
 * was most of the cost of hashing a short text.
 */
const HALF = 36 ** 5;
export function base36(n: number): string {
  if (n < HALF) return n.toString(36);
  const low = n % HALF;
  return ((n - low) / HALF).toString(36) + low.toString(36).padStart(5, "0");
}

/**
 * What keyText makes of each character it can be read off one at a time: 0 for a character
 * the table does not know (the text then takes keyText's whole pass), DROP for one it drops,
 * else the one code unit it becomes. A text made only of such characters reads the same
 * one character at a time as normalised whole: every one of them is a starter whose NFKC form
 * is ASCII, a CJK ideograph or a mark keyText drops, and no canonical composition joins two
 * such characters (a composition's second half is a combining mark, a Hangul jamo or an Indic
 * vowel sign, none of them here). Half-width katakana, whose voiced marks do compose, and any
 * character NFKC turns into more than one are left to the slow pass by the table's own test.
 */
const KEY_UNIT = unitTable(keyText, (u) => (u >= 0x21 && u <= 0x7e) || isIdeograph(u));

/** cyrb53 of keyText(text) read through KEY_UNIT, without building the text; -1 when a character is not in it. */
function plainHash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = KEY_UNIT[text.charCodeAt(i)]!;
    if (c === DROP) continue;
    if (c === 0) return -1;
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  return cyrb53End(h1, h2);
}

/** cyrb53 (public domain, bryc): a fast 53-bit string hash with good dispersion. */
export function cyrb53(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  return cyrb53End(h1, h2);
}

function cyrb53End(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
