/**
 * Status cells (整改进展, 完成情况) → meaning. The one mistake that matters is reading a
 * "not yet" as done: `基本完成`, `未完成` and `尚未完成` all contain `完成`. So phrases are
 * matched longest first at the same position, and the phrase the cell opens with wins
 * (`正在推进，已完成方案制定` is in progress).
 */
import { isErrorValue, type CellValue } from "../grid.js";
import type { StatusKind, StatusMeaning } from "./meaning.js";
import { normalize, normalizeSpaced } from "./normalize.js";
import { isPlaceholder } from "./placeholder.js";

type Known = Exclude<StatusKind, "empty" | "unknown">;

const ZH_DONE = [
  "已完成整改",
  "已全面完成",
  "全面完成",
  "已完成",
  "已全部完成",
  "全部完成",
  "整改完成",
  "完成整改",
  "已整改到位",
  "整改到位",
  "已整改",
  "已销号",
  "销号",
  "已办结",
  "办结",
  "已完结",
  "已闭环",
  "闭环销号",
  "整改已到位",
  "已落实",
  "落实到位",
  "已解决",
  "已验收",
  "整改完毕",
  "已完毕",
  "已经完成",
  "已经整改",
  "按期完成",
  "按时完成",
  "如期完成",
  "完成",
];
const ZH_IN_PROGRESS = [
  "基本完成",
  "部分完成",
  "阶段性完成",
  "初步完成",
  "大部分完成",
  "未全部完成",
  "尚未全部完成",
  "未完全完成",
  "正在推进",
  "推进中",
  "正在整改",
  "整改中",
  "进行中",
  "正在进行",
  "正在落实",
  "落实中",
  "正在实施",
  "实施中",
  "持续推进",
  "持续整改",
  "长期坚持",
  "有序推进",
  "稳步推进",
  "按计划推进",
  "按期推进",
  "已启动",
  "部分整改",
  // Not finished, which says nothing of a start: counted with the work under way, as the clerk who
  // wrote it means (the bulletin's 未启动 for these was the sentence a department objected to).
  "未完成",
  "尚未完成",
  "没有完成",
  "未能完成",
  "未办结",
];
/** Work said not to have begun. */
const ZH_NOT_STARTED = [
  "未启动",
  "尚未启动",
  "未开始",
  "尚未开始",
  "未整改",
  "尚未整改",
  "未落实",
  "待整改",
  "待启动",
  "未推进",
];

/**
 * Phrases too plain to trust in the middle of a sentence (`计划6月底前完成` is a plan, not a
 * result): they count only when the cell opens with them.
 */
const OPENING_ONLY = new Set(["完成", "销号", "办结"]);

const EN_DONE = ["done", "completed", "complete", "closed", "finished", "resolved"];
const EN_IN_PROGRESS = [
  "in progress",
  "in-progress",
  "ongoing",
  "on-going",
  "underway",
  "under way",
  "partially done",
  "partially completed",
  "partially complete",
  "partly done",
  "partly completed",
  "largely completed",
  "mostly done",
  "mostly completed",
  // Not finished, as 未完成 (above).
  "not done",
  "not completed",
  "not complete",
  "incomplete",
  "open",
];
const EN_NOT_STARTED = ["not started", "not yet started", "to do", "todo", "to-do"];

interface Phrase {
  text: string;
  kind: Known;
}

function phrases(list: string[], kind: Known): Phrase[] {
  return list.map((text) => ({ text, kind }));
}

const byLengthDesc = (a: Phrase, b: Phrase): number => b.text.length - a.text.length;

const ZH: Phrase[] = [
  ...phrases(ZH_DONE, "done"),
  ...phrases(ZH_IN_PROGRESS, "in-progress"),
  ...phrases(ZH_NOT_STARTED, "not-started"),
].sort(byLengthDesc);

const EN: Phrase[] = [
  ...phrases(EN_DONE, "done"),
  ...phrases(EN_IN_PROGRESS, "in-progress"),
  ...phrases(EN_NOT_STARTED, "not-started"),
].sort(byLengthDesc);

export function parseStatus(value: CellValue, text?: string): StatusMeaning {
  try {
    return parseCell(value, text);
  } catch {
    return {
      kind: "unknown",
      text: typeof text === "string" ? text.trim() : "",
    };
  }
}

function parseCell(value: CellValue, text: string | undefined): StatusMeaning {
  const shown = typeof text === "string" ? text.trim() : "";
  if (typeof value === "string") return parseText(value);
  if (value === null || value === undefined) return parseText(shown);
  if (isErrorValue(value)) return { kind: "unknown", text: value.error };
  if (value instanceof Date) {
    const t = Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString().slice(0, 10);
    return { kind: "unknown", text: shown || t };
  }
  // A share shown as a percentage (0.8 shown 80%): read as the clerk sees it.
  if (typeof value === "number" && /[%％]$/.test(shown)) return parseText(shown);
  return { kind: "unknown", text: shown || String(value) };
}

/** Progress as a bare percentage (`80%`, `进度50%`, `完成率100%`): all of it is done, none not started. */
const PERCENT = /^(?:进度|完成率|完成进度|整改进度|完成|progress)?(\d{1,3}(?:\.\d+)?)[%％]$/i;

function parseText(raw: string): StatusMeaning {
  const shown = raw.trim();
  const compact = normalize(raw);
  // `无`, `/`, `——`: nothing said about progress.
  if (compact === "" || isPlaceholder(compact)) return { kind: "empty", text: "" };
  const pct = PERCENT.exec(compact);
  if (pct) {
    const n = Number(pct[1]);
    return { kind: n >= 100 ? "done" : n > 0 ? "in-progress" : "not-started", text: shown };
  }
  const kind = matchMark(compact) ?? matchChinese(compact) ?? matchEnglish(normalizeSpaced(raw).toLowerCase());
  return { kind: kind ?? "unknown", text: shown };
}

/**
 * A tick or a cross as the whole cell (`√`, `✓`, `×`), or the 是/否 of a 是否完成 column:
 * checklist-style ledgers mark progress so.
 */
function matchMark(s: string): Known | null {
  if (/^(?:[√✓✔☑✅]+|是)$/.test(s)) return "done";
  // A cross or 否 says "not finished", as 未完成 does: not that nothing was begun.
  if (/^(?:[×✗✘❌]+|否)$/.test(s)) return "in-progress";
  return null;
}

/** `已于6月完成`, `已在5月底前整改到位`: a result with its date in the middle. */
const DONE_ON = /^已(?:于|在|经于)[^,，。;；]{1,15}?(?:完成|整改到位|办结|销号)/;

function matchChinese(s: string): Known | null {
  const on = DONE_ON.exec(s);
  if (on) return adjustDone({ text: on[0], kind: "done" }, s.slice(on[0].length));
  // The cell opens with a phrase: longest first, so `基本完成` beats `完成`.
  for (const p of ZH) if (s.startsWith(p.text)) return judged(p, s.slice(p.text.length));
  // Otherwise the earliest phrase anywhere (`目前已完成`, `经核查，已整改到位`), longest at a tie.
  let best: Phrase | null = null;
  let bestAt = Infinity;
  for (const p of ZH) {
    if (OPENING_ONLY.has(p.text)) continue;
    const at = s.indexOf(p.text);
    if (at >= 0 && (at < bestAt || (at === bestAt && best !== null && p.text.length > best.text.length))) {
      best = p;
      bestAt = at;
    }
  }
  if (!best) return null;
  const before = s.slice(0, bestAt);
  // `计划6月底前整改完成` is a plan, not a result.
  if (PLAN.test(before)) return null;
  const rest = s.slice(bestAt + best.text.length);
  // `未按期完成`, `未能如期完成`, `未全面完成`: a done phrase denied is not finished, as 未完成.
  if (best.kind === "done" && ZH_DENIED.test(before)) return "in-progress";
  if (best.kind === "done" && PART_BEFORE.test(before)) return "in-progress";
  return judged(best, rest);
}

/** What denies a done phrase right before it (`未`按期完成, `未能`如期完成, `未`全面完成). */
const ZH_DENIED = /(?:未|未能|没有|没能|无法|不能|尚未|难以|未曾)(?:全面|全部|完全)?$/;

/** A phrase found, by what is said after it: work still going, or (after a "not done") under way. */
function judged(p: Phrase, rest: string): Known {
  return p.kind === "not-started" ? adjustNotDone(rest) : adjustDone(p, rest);
}

const PLAN = /计划|预计|拟|将于|争取|力争|确保/;

/** Words of work going on, in either language. */
const GOING = String.raw`正在|推进中|整改中|进行中|实施中|落实中|剩余|仍有|\bin progress\b|\bongoing\b|\bremaining\b`;

/**
 * Work still going, said after a done phrase in a long 整改进展 text: `已完成3项，剩余2项正在推进`,
 * `已完成方案制定，整改中`. Not 长期坚持/持续推进: `已完成整改，长期坚持` is done, and kept up.
 */
const STILL_GOING = new RegExp(
  String.raw`${GOING}|尚未|未完成|未全部|基本完成|部分完成|阶段性|\bnot (?:yet )?(?:done|completed|started)\b`,
);

/**
 * Work under way, said after a "not done" (`未完成，正在推进`, `未完成（已核查100笔，剩余28笔）`):
 * in progress, not "not started". A lateness (`未完成，已逾期30天`) is no progress.
 */
const UNDER_WAY = new RegExp(String.raw`${GOING}|已(?!逾期|超期|过期|延期)[^，,。；;]{0,6}?\d`);

function adjustNotDone(rest: string): Known {
  return UNDER_WAY.test(rest) ? "in-progress" : "not-started";
}

/**
 * What a done phrase is said of when it is only part of the work (`已完成部分整改`, `已完成一半`,
 * `已完成前期工作`, `已完成第一阶段`, `已完成整改方案`): the reading sweep of 2026-12-03 found each
 * counted done, and their tasks' lateness hidden.
 */
const PART_OF_IT =
  /^[(（]?了?(?:部分|一部分|大部分|小部分|一半|过半|多半|前期|初步|第[一二三四五六七八九十\d]+(?:阶段|步|期|批)|方案|计划|部署)/;
/** `部分已完成`, `大部分已整改`: the same, said before the phrase. */
const PART_BEFORE = /(?:部分|一半|多半)$/;

/** `已完成80%` is a share of the work, not the whole of it; nor is a done phrase with work still going. */
function adjustDone(p: Phrase, rest: string): Known {
  if (p.kind !== "done") return p.kind;
  if (STILL_GOING.test(rest) || PART_OF_IT.test(rest)) return "in-progress";
  // Also `已完成（80%）`, `完成进度80%`, `已完成约八成` is not read (words for shares are rare).
  const pct = /^[(]?(?:率|进度|比例)?(?:为|达到|达|了|约|的)?约?(\d+(?:\.\d+)?)%/.exec(rest);
  return pct && Number(pct[1]) < 100 ? "in-progress" : "done";
}

function matchEnglish(s: string): Known | null {
  let best: Phrase | null = null;
  let bestAt = Infinity;
  for (const p of EN) {
    const at = wordIndex(s, p.text);
    if (at >= 0 && (at < bestAt || (at === bestAt && best !== null && p.text.length > best.text.length))) {
      best = p;
      bestAt = at;
    }
  }
  if (!best) return null;
  const rest = s.slice(bestAt + best.text.length).trimStart();
  // `not yet completed`, `never finished`, `not fully done`: not finished, as 未完成.
  if (best.kind === "done" && EN_DENIED.test(s.slice(0, bestAt))) return "in-progress";
  return judged(best, rest);
}

const EN_DENIED = /\b(?:not|never|yet to be)(?:\s+(?:yet|been|be|fully|entirely|completely|quite|all))*\s*$/;

/** Index of `word` in `s` as a whole word (`open` is not in `reopened`), or -1. */
function wordIndex(s: string, word: string): number {
  let from = 0;
  for (;;) {
    const at = s.indexOf(word, from);
    if (at < 0) return -1;
    const before = at > 0 ? s[at - 1]! : "";
    const after = s[at + word.length] ?? "";
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return at;
    from = at + 1;
  }
}
