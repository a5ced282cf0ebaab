/**
 * Placeholders: what clerks type into a cell that must not stay blank when they have nothing
 * to put there (`无`, `暂无`, `/`, `——`, `待补充`). A required field or the evidence holding only
 * a placeholder is empty (DOMAIN.md, "Placeholders that mean nothing"). `待定` is a placeholder
 * only as a deadline: a deadline to be fixed later is no deadline.
 */
import { normalize } from "./normalize.js";

/** Placeholder words, after normalize() and without the punctuation around them. */
export const WORDS =
  /^(?:暂?(?:无|没有|缺|未提供)(?:佐证|支撑|证明|相关)?(?:材料|资料|附件)?|空|空白|略|不详|未填|未填写|待补充|待补|待完善|待填写|待填|待上传|待提供|暂缺|n\/?a|none|nil|null)$/i;

/** As a deadline also: to be fixed later. */
export const DEADLINE_WORDS =
  /^(?:待定|未定|另定|待确定|暂未确定|视情况而定|tbd|tbc|to be (?:decided|determined|confirmed))$/i;

/**
 * As evidence also: what says the material is not there yet (`未上传`, `待收集`, `正在收集整理`,
 * `缺失`), and a cross. Not placeholders elsewhere: `未提交` in a status column is a status.
 */
export const EVIDENCE_WORDS =
  /^(?:(?:尚|暂)?未(?:上传|提供|提交|收集|整理|归档)|待(?:收集|整理|提交|归档)|(?:正在)?(?:收集|整理|收集整理)中?|缺失|缺|不全)$/i;

/** Marks that mean something: a tick (done, present) or a cross (not done) is not "nothing". */
const MEANINGFUL_MARKS = /[√✓✔☑✅〇○●×✗✘❌]/;

/** Punctuation and symbols around a word: `（无）`, `无。`, `“暂无”`. */
const AROUND = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/** Only punctuation and symbols: `/`, `／`, `—`, `——`, `-`, `……`, `***`. */
const ONLY_MARKS = /^[\p{P}\p{S}]+$/u;

/** The longest placeholder worth testing; longer text is content (and skips the work). */
const MAX_LENGTH = 16;

/** A cell text that only says "nothing here". */
export function isPlaceholder(text: string): boolean {
  return placeholderKind(text, WORDS);
}

/** A deadline text that only says "nothing here" or "to be decided" (`待定`). */
export function isDeadlinePlaceholder(text: string): boolean {
  return placeholderKind(text, WORDS) || placeholderKind(text, DEADLINE_WORDS);
}

/** An evidence text that only says "nothing here" or "not there yet" (`未上传`, `待收集`, `×`). */
export function isEvidencePlaceholder(text: string): boolean {
  return placeholderKind(text, WORDS) || placeholderKind(text, EVIDENCE_WORDS, EVIDENCE_CHARS, true);
}

/**
 * Every Chinese character any placeholder word holds. A text with another one (`张某`, `总务处`,
 * most cells) is content, told without normalising it: the check runs on most cells of a ledger.
 */
export const WORD_CHARS = new Set(
  "暂无没有缺未提供佐证支撑明相关材料资料附件空白略不详填写待补充完善上传定另确视情况而".split(""),
);

/** The Chinese characters of EVIDENCE_WORDS, as WORD_CHARS for the rest. */
export const EVIDENCE_CHARS = new Set("尚暂未上传提供交收集整理归档待正在中缺失不全".split(""));

function placeholderKind(text: string, words: RegExp, chars = WORD_CHARS, crosses = false): boolean {
  if (text.length === 0 || text.length > MAX_LENGTH * 2) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff && !chars.has(text[i]!)) return false;
    // A digit (ASCII or full-width) survives normalising and is neither a mark nor in any
    // placeholder word: a date (`2025/6/30`, every deadline cell) is content, told unnormalised.
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return false;
  }
  const s = normalize(text);
  // `#N/A` typed or pasted as text is an error literal, not a clerk's "nothing".
  if (s === "" || s.length > MAX_LENGTH || s.startsWith("#")) return false;
  // A cross as the whole cell says "none" as evidence; a tick never does.
  if (MEANINGFUL_MARKS.test(s)) return crosses && /^[×✗✘❌]+$/.test(s);
  if (ONLY_MARKS.test(s)) return true;
  return words.test(s.replace(AROUND, ""));
}
