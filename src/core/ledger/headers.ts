import type { Field } from "../fields.js";

/**
 * Header synonyms by field. `strong` names are what ledgers call the field; `weak` names
 * are used only when nothing strong names it (e.g. 责任人 for a lead). `not` lists headers
 * that look alike but mean something else: 配合单位 (co-units) is not the responsible
 * department, 整改目标 (a goal) is not the measures, 问题类别 is a category.
 */
interface Synonyms {
  strong: string[];
  weak: string[];
  not: RegExp[];
  /** Between two columns naming the field equally well, one whose header this matches wins. */
  prefer?: RegExp;
}

export const HEADER_SYNONYMS: Record<Field, Synonyms> = {
  problem: {
    strong: [
      "反馈问题",
      "存在问题",
      "问题内容",
      "问题描述",
      "具体问题",
      "问题表现",
      "问题清单",
      "巡察反馈问题",
      "巡视反馈问题",
      "问题",
      "problem",
      "issue",
      "finding",
      "findings",
      "problem description",
    ],
    weak: ["反馈意见", "主要问题", "description"],
    // 问题来源 (巡察反馈, 审计发现), 问题领域: what kind of problem, not the problem.
    not: [/类别|类型|性质|分类|序号|编号|来源|领域|出处|依据|数量|个数|级别|category|type|source/i],
  },
  measures: {
    strong: [
      "整改措施",
      "整改举措",
      "具体措施",
      "措施",
      "整改任务",
      "整改措施及要求",
      "measures",
      "actions",
      "corrective actions",
      "corrective action",
      "rectification measures",
    ],
    weak: ["任务", "措施要求", "action"],
    // 整改目标 alone is a goal; 整改目标和措施 / 整改措施及目标 hold the measures too.
    not: [/^(?!.*(?:措施|举措|measure|action)).*(?:目标|goal|target)/i],
    // 整改任务 | 整改举措 (university and provincial lists): the task is its title, the measures what is done.
    prefer: /措施|举措|measure|action/i,
  },
  lead: {
    strong: [
      "责任领导",
      "牵头领导",
      "分管领导",
      "牵头校领导",
      "责任校领导",
      "牵头局领导",
      "责任局领导",
      "分管校领导",
      "分管局领导",
      "分管院领导",
      "牵头院领导",
      "责任院领导",
      // A county's, district's or city's ledger names the level of its leaders.
      "牵头县领导",
      "责任县领导",
      "分管县领导",
      "牵头区领导",
      "责任区领导",
      "分管区领导",
      "牵头市领导",
      "责任市领导",
      "分管市领导",
      // The leader assigned to see a task through, in regional usage.
      "包保领导",
      "包联领导",
      "包抓领导",
      "lead",
      "responsible leader",
      "leader",
      "lead official",
    ],
    weak: ["责任人", "负责人", "owner", "responsible person"],
    not: [/配合|经办|联系人/],
  },
  department: {
    strong: [
      "责任部门",
      "牵头单位",
      "责任单位",
      "牵头部门",
      "主责单位",
      "责任科室",
      "牵头科室",
      "责任处室",
      "牵头处室",
      // A county bureau's sections are 股室.
      "责任股室",
      "牵头股室",
      "department",
      "responsible unit",
      "responsible department",
      "unit",
      "dept",
    ],
    weak: ["承办单位", "承办科室", "承办股室", "部门", "单位"],
    // 配合单位 alone are co-units; 牵头单位及配合单位, 牵头/配合单位 name the responsible unit too.
    not: [/^(?!.*(?:牵头|主责|责任)).*(?:配合|协办|co-?unit|supporting)/i],
  },
  deadline: {
    strong: [
      "整改时限",
      "完成时限",
      "时限要求",
      "整改期限",
      "完成期限",
      "时限",
      "时间节点",
      "完成节点",
      "deadline",
      "due",
      "due date",
      "time limit",
    ],
    weak: ["完成时间", "整改时间", "截止时间", "date"],
    not: [/实际|actual/i],
  },
  status: {
    strong: [
      "整改进展",
      "整改进度",
      "完成情况",
      "整改情况",
      "进展情况",
      "状态",
      "整改状态",
      "完成状态",
      "是否完成",
      "是否办结",
      "是否整改到位",
      "整改是否到位",
      "是否到位",
      "是否整改",
      "是否已整改",
      "落实情况",
      "整改落实情况",
      "进展",
      "推进情况",
      "整改推进情况",
      "进度",
      "status",
      "progress",
    ],
    // 是否销号: the inspectors' sign-off after the task is done, not whether it is; the status only
    // where nothing else says it (a 整改进展 beside it is the status, the sweep read 已完成 as late).
    weak: ["整改结果", "是否销号", "销号情况", "result"],
    not: [],
    // 整改进展 | 是否完成: the narrative says what was done (`已完成32个项目的检查…`); the yes/no
    // or state column says whether the task is.
    prefer: /^(?:是否(?:完成|办结|整改到位|到位|已?整改)|整改是否到位|(?:整改|完成)?状态|status)$/,
  },
  evidence: {
    strong: ["佐证材料", "佐证资料", "支撑材料", "证明材料", "佐证", "evidence", "supporting documents", "proof"],
    weak: ["附件", "材料", "attachments"],
    not: [],
  },
};

/** Headers of a sequence-number column: its numbers are not task content. */
export const SEQUENCE_HEADERS = ["序号", "编号", "no", "no.", "#", "item", "seq"];

/**
 * Header text without what clerks add around the name: line breaks, spaces, asterisks,
 * bracketed notes (`完成时限（年月日）`), full-width letters, and trailing colons.
 */
export function normalizeHeader(text: string): string {
  return (
    text
      .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/[(（【[<《][^)）】\]>》]*[)）】\]>》]/g, "")
      .replace(/[*＊:：]/g, "")
      .replace(/\s+/g, " ")
      .trim()
      // Spaces between Chinese characters are padding (`整改 措施`); between English words they matter.
      .replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, "")
      .toLowerCase()
  );
}

/**
 * How well a header names a field: 3 for a strong name exactly, 2 for a strong name
 * within a longer header (`整改完成时限`), 1 for a weak name, 0 for none. English names
 * must match whole words so that `unit` does not hide in `community`.
 */
export function headerScore(header: string, field: Field): number {
  return normalizedScore(normalizeHeader(header), field);
}

function normalizedScore(h: string, field: Field): number {
  if (h === "" || h.length > 24) return 0;
  const syn = HEADER_SYNONYMS[field];
  if (syn.not.some((re) => re.test(h))) return 0;
  if (syn.strong.some((s) => h === s)) return 3;
  if (syn.strong.some((s) => contains(h, s))) return 2;
  if (syn.weak.some((s) => h === s || contains(h, s))) return 1;
  return 0;
}

function contains(header: string, name: string): boolean {
  const word = wordPattern(name);
  return word ? word.test(header) : header.includes(name);
}

// Header detection asks about every cell of the top rows for every field: each English name's
// whole-word pattern is compiled once, not per question.
const wordPatterns = new Map<string, RegExp | null>();

function wordPattern(name: string): RegExp | null {
  let re = wordPatterns.get(name);
  if (re === undefined) {
    re = /^[a-z .-]+$/.test(name) ? new RegExp(`(^|[^a-z])${name.replace(/[.]/g, "\\.")}($|[^a-z])`) : null;
    wordPatterns.set(name, re);
  }
  return re;
}

export function isSequenceHeader(header: string): boolean {
  return SEQUENCE_HEADERS.includes(normalizeHeader(header));
}

/** Which field stands first in a column holding two (`责任领导/责任部门`: the lead). */
export type PairFirst = "lead" | "department";

/** Between the two names of a column holding two fields: `/`, `、`, `及`, `和`, ` and `. */
const PAIR_SEPARATOR = /\s*(?:[/|、,&+＋]|以及|及|和|与|\band\b)\s*/;

/**
 * A header naming the lead and the department at once (`责任领导/责任部门`, `责任领导及部门`,
 * `牵头领导/牵头单位`, `Lead / Department`): which comes first and how well each part names
 * its field (the lower of the two), or null.
 */
export function pairHeader(header: string): { first: PairFirst; score: number } | null {
  const h = normalizeHeader(header);
  const parts = h.split(PAIR_SEPARATOR).filter((p) => p !== "");
  if (parts.length !== 2) return null;
  const [a, b] = parts as [string, string];
  const lead = (x: string) => normalizedScore(x, "lead");
  // The second half is often the bare noun (`责任领导及部门`): 部门, 单位 and 科室 name the department there.
  const dept = (x: string) => Math.max(normalizedScore(x, "department"), /^(?:部门|单位|科室|处室)$/.test(x) ? 2 : 0);
  if (lead(a) > 0 && dept(b) > 0) return { first: "lead", score: Math.min(lead(a), dept(b)) };
  if (dept(a) > 0 && lead(b) > 0) return { first: "department", score: Math.min(dept(a), lead(b)) };
  return null;
}

/**
 * Assigns fields to header cells: each field to its best-scoring column, each column to
 * at most one field, higher scores first (so 牵头单位 wins department over 单位 elsewhere).
 * A column holding two fields (`责任领导/责任部门`) may serve both; `pair` says which column
 * and which field stands first in its cells.
 */
/** A column that may be a field's, with how well its header names it. */
interface Candidate {
  field: Field;
  col: number;
  score: number;
  pair?: true;
  /** Its header is the field's preferred one (Synonyms.prefer). */
  preferred?: true;
}

export function mapHeaders(headers: Map<number, string>): {
  columns: Partial<Record<Field, number>>;
  score: number;
  pair?: { col: number; first: PairFirst };
  adjustedDeadline?: number;
} {
  const candidates: Candidate[] = [];
  const pairs = new Map<number, PairFirst>();
  for (const [col, text] of headers) {
    const pair = pairHeader(text);
    if (pair) {
      pairs.set(col, pair.first);
      candidates.push(
        { field: "lead", col, score: pair.score, pair: true },
        { field: "department", col, score: pair.score, pair: true },
      );
      continue;
    }
    const h = normalizeHeader(text);
    for (const field of Object.keys(HEADER_SYNONYMS) as Field[]) {
      const score = normalizedScore(h, field);
      if (score > 0)
        candidates.push(
          HEADER_SYNONYMS[field].prefer?.test(h) ? { field, col, score, preferred: true } : { field, col, score },
        );
    }
  }
  // At equal scores a preferred header wins, then a column of the field's own over a pair column.
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.preferred ?? 0) - Number(a.preferred ?? 0) ||
      Number(a.pair ?? 0) - Number(b.pair ?? 0) ||
      a.col - b.col,
  );
  const columns: Partial<Record<Field, number>> = {};
  const usedCols = new Set<number>();
  let score = 0;
  for (const c of candidates) {
    if (columns[c.field] !== undefined || (usedCols.has(c.col) && !pairs.has(c.col))) continue;
    columns[c.field] = c.col;
    usedCols.add(c.col);
    score += c.score;
  }
  preferLatest(columns, candidates, headers, usedCols);
  const adjusted = adjustedDeadline(columns, candidates, headers, usedCols);
  const extra = adjusted !== undefined ? { adjustedDeadline: adjusted } : {};
  for (const [col, first] of pairs) {
    if (columns.lead === col || columns.department === col) return { columns, score, pair: { col, first }, ...extra };
  }
  return { columns, score, ...extra };
}

/** A deadline moved with approval: `调整后时限`, `整改时限（调整后）`, `延期至`, `revised deadline`. */
const ADJUSTED = /调整后|调整为|延期后|延期至|延长后|延长至|变更后|新时限|调整时限|revised|extended|new deadline/i;

/**
 * `整改时限 | 调整后时限`, `原定时限 | 整改时限（调整后）`: the deadline is the original, and the
 * adjusted one where the clerk filled it in (the approved extension the overdue message asks
 * for). Returns the adjusted column, with `columns.deadline` set to the original.
 */
function adjustedDeadline(
  columns: Partial<Record<Field, number>>,
  candidates: Candidate[],
  headers: Map<number, string>,
  used: Set<number>,
): number | undefined {
  if (columns.deadline === undefined) return undefined;
  const own = candidates.filter((c) => c.field === "deadline" && !c.pair);
  const free = (col: number) => col === columns.deadline || !used.has(col);
  const adjusted = own.find((c) => ADJUSTED.test(headers.get(c.col) ?? "") && free(c.col));
  const original = own.find((c) => !ADJUSTED.test(headers.get(c.col) ?? "") && free(c.col));
  if (!adjusted || !original) return undefined;
  columns.deadline = original.col;
  used.add(original.col);
  used.add(adjusted.col);
  return adjusted.col;
}

/** The month a header's note names (`整改进展（6月）`, `截至2025年6月底`): year × 12 + month, or null. */
function monthOf(header: string): number | null {
  const all = [...header.matchAll(/(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月/g)];
  const m = all.at(-1);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? Number(m[1] ?? 0) * 12 + month : null;
}

/**
 * Between columns naming a field equally whose headers name months (monthly progress columns,
 * `整改进展（5月）` | `整改进展（6月）`: the clerk adds one a month), the latest month's is the
 * field: the first would check last month's progress.
 */
function preferLatest(
  columns: Partial<Record<Field, number>>,
  candidates: Candidate[],
  headers: Map<number, string>,
  used: Set<number>,
): void {
  for (const [field, col] of Object.entries(columns) as [Field, number][]) {
    const chosen = candidates.find((c) => c.field === field && c.col === col && !c.pair);
    const at = monthOf(headers.get(col) ?? "");
    if (!chosen || at === null) continue;
    let best = { col, at };
    for (const c of candidates) {
      if (c.field !== field || c.pair || c.score !== chosen.score || used.has(c.col)) continue;
      const when = monthOf(headers.get(c.col) ?? "");
      if (when !== null && when > best.at) best = { col: c.col, at: when };
    }
    if (best.col === col) continue;
    used.delete(col);
    used.add(best.col);
    columns[field] = best.col;
  }
}
