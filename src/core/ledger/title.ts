import { gridColCount, textAt, type Grid } from "../grid.js";
import type { LedgerLayout } from "./model.js";

/**
 * Who inspected whom, as the ledger's title rows say it. Each part is absent when the title
 * does not say it: the bulletin then asks (CLI options, pane settings) rather than guess.
 */
export interface LedgerTitle {
  /** The inspected body: `XX大学党委`, `区教育工作党委`. */
  body?: string;
  /** The inspection that gave the feedback: `区委第二巡察组`, `省委巡视`. */
  inspection?: string;
  /** 巡视 (provincial or central) or 巡察 (city or county): the bulletin uses the ledger's own word. */
  kind?: "巡视" | "巡察";
}

const KIND = /巡视|巡察/;

/**
 * The inspection ends at its kind word, maybe followed by its group (`巡察组`, `第二巡察组`,
 * `巡视第五组`); it starts after the verb that links the inspected body to it.
 */
const AFTER_KIND = /^(?:第[一二三四五六七八九十\d]+(?:巡视|巡察)?组|[一二三四五六七八九十\d]*组|工作组)?/;

/**
 * What stands between the inspected body and the inspection in a title
 * (`XX大学党委落实省委巡视…`, `…委员会关于区委第二巡察组…`). The last one before the kind word counts.
 */
const LINK = /贯彻落实|落实|关于|接受|针对|对照|根据|对/g;

/** What may open a title before the inspection without being a body: `中共`, `关于`. */
const NOT_A_BODY = /^(?:中共|关于|有关)?$/;

/**
 * A labelled body: `填报单位（盖章）：区教育工作党委`, `单位：市教育局党组`. The value ends at a
 * run of spaces, at the next label, or at a bracketed note (`（盖章）`).
 */
const LABEL =
  /(?:被巡[视察]单位|填报单位|报送单位|单位名称|填报部门|单位|部门)\s*(?:[（(][^）)]*[）)])?\s*[:：]\s*([^\s:：，,；;（(]{2,40})/;
const NEXT_LABEL = /(?:填报时间|填报日期|报送时间|更新时间|更新日期|时间|日期|联系人|联系电话|填报人).*$/;

/** Who inspects: a committee above the body (`省委`, `十九届中央第七轮`), or a numbered round. */
const INSPECTING =
  /(?:^(?:[一二三四五六七八九十]+届)?(?:中央|省委|市委|区委|县委|州委|盟委|旗委|自治区党委)$)|第[一二三四五六七八九十\d]+轮$/;

/** Longer than this, what stands before the kind word is a sentence, not the name of an inspection. */
const MAX_INSPECTION = 24;

/**
 * Reads who inspected whom from the title rows above the header
 * (`XX大学党委落实省委巡视反馈意见整改任务清单`, `区委第二巡察组反馈意见整改落实台账`,
 * `填报单位（盖章）：区教育工作党委`), so the bulletin's title needs no typing when the ledger
 * already says it. Every cell of a title row is read: the 填报单位 and 填报时间 often sit in
 * cells of their own. The sheet's name is the last resort for the kind.
 */
export function readTitle(grid: Grid, layout: LedgerLayout): LedgerTitle {
  const out: LedgerTitle = {};
  let labelled: string | undefined;
  const top = Math.min(...layout.headerRows);
  const width = gridColCount(grid);
  for (let row = grid.origin.row; row < top; row++) {
    const parts: string[] = [];
    for (let col = grid.origin.col; col < grid.origin.col + width; col++) {
      const t = textAt(grid, row, col).trim();
      if (t) parts.push(t);
    }
    const text = parts.join("  ");
    if (!text) continue;
    const label = LABEL.exec(text)?.[1]?.replace(NEXT_LABEL, "");
    if (label && label.length >= 2 && labelled === undefined) labelled = label;
    const sentence = readSentence(label ? text.slice(0, LABEL.exec(text)!.index) : text);
    out.kind ??= sentence.kind;
    if (sentence.inspection !== undefined) out.inspection ??= sentence.inspection;
    if (sentence.body !== undefined) out.body ??= sentence.body;
  }
  if (out.body === undefined && labelled !== undefined) out.body = labelled;
  if (out.kind === undefined) {
    const k = KIND.exec(grid.sheet)?.[0];
    if (k) out.kind = k as LedgerTitle["kind"];
  }
  return out;
}

/** One title sentence: `XX大学党委落实省委巡视反馈意见整改任务清单`. */
export function readSentence(raw: string): LedgerTitle {
  const text = raw.replace(/\s+/g, "");
  const out: LedgerTitle = {};
  const kind = KIND.exec(text);
  if (!kind) return out;
  out.kind = kind[0] as LedgerTitle["kind"];
  const before = text.slice(0, kind.index);
  let link: RegExpExecArray | null = null;
  LINK.lastIndex = 0;
  for (let m = LINK.exec(before); m; m = LINK.exec(before)) link = m;
  const issuerStart = link ? link.index + link[0].length : 0;
  const issuer = before.slice(issuerStart).replace(/^(?:中共|关于)/, "");
  const group = AFTER_KIND.exec(text.slice(kind.index + kind[0].length))?.[0] ?? "";
  const after = text.slice(kind.index + kind[0].length + group.length);
  // `区教育局党委巡察整改工作台账`: the body's own rectification, the inspection unnamed. Only an
  // inspecting committee (`省委巡视整改…`) or a numbered round or group names an inspection there.
  if (!link && group === "" && after.startsWith("整改") && issuer !== "" && !INSPECTING.test(issuer)) {
    out.body = before;
    return out;
  }
  // `区发改委党组巡察反馈问题整改落实台账`: a 党组 or 党委 below the committees is inspected, it does
  // not inspect (the reading sweep of 2026-12-03 took it for the inspection, and found no body).
  if (!link && group === "" && PARTY_BODY.test(issuer) && !INSPECTING.test(issuer)) {
    out.body = before;
    return out;
  }
  // `区委巡察组巡察区发改委党组反馈问题…`: the group, then the kind word as a verb and the body.
  const inspected = new RegExp(`^${kind[0]}(.{2,40}?)(?:反馈|整改|问题)`).exec(after);
  // A bare `巡察反馈意见整改台账` names no inspection: only its kind.
  if (issuer !== "" && issuer.length + group.length <= MAX_INSPECTION) out.inspection = `${issuer}${kind[0]}${group}`;
  if (link) {
    const body = before.slice(0, link.index);
    if (!NOT_A_BODY.test(body) && body.length <= 40) out.body = body;
  }
  if (out.body === undefined && group !== "" && inspected) out.body = inspected[1];
  return out;
}

/** A party body that is inspected: its 党组, 党委, 党工委 or branch (the committees above it inspect). */
const PARTY_BODY = /.{2,}(?:党组|党委|党工委|党总支|党支部)$/;
