import { fieldText, type Task } from "../ledger/model.js";

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
  return cyrb53(keyText(text)).toString(36);
}

/** cyrb53 (public domain, bryc): a fast 53-bit string hash with good dispersion. */
function cyrb53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
