import type { Field } from "../fields.js";
import { EXCEL_ERRORS, gridColCount, textAt, valueAt, type CellValue, type Grid } from "../grid.js";
import type { DeadlineMeaning, StatusMeaning } from "../parse/meaning.js";
import { parseDeadline } from "../parse/deadline.js";
import { parseStatus } from "../parse/status.js";
import { sequenceColumn } from "./detect.js";
import { isDeadlinePlaceholder, isEvidencePlaceholder, isPlaceholder } from "../parse/placeholder.js";
import { displayText } from "./display.js";
import type { PairFirst } from "./headers.js";
import { MergeIndex } from "./merge-index.js";
import { isSpace } from "../parse/chars.js";
import type { LedgerLayout, Task, TaskCell } from "./model.js";
import { splitPair } from "./pair.js";

/** Captions of category rows: `一、关于……方面`, `（二）……`, `第三部分`. */
const CATEGORY =
  /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]|第[一二三四五六七八九十百\d]+[部分类项方面]|[A-Z][、.．]|(?:part|section|category)\s*\w+)|方面(?:存在的|的)?(?:问题)?[:：]?$/i;

/** Footer and caption rows under the table. */
const FOOTER =
  /^(?:填报人|填表人|填报单位|审核人|审核|联系电话|联系人|说明|备注|注[:：\d一]|制表|负责人签字|单位盖章|盖章|签字|合计|总计|小计|prepared by|notes?\b|total)/i;

/**
 * A totals row: its first cell is the word alone (`合计`, `合 计：`; `汇总`, `Total` are what an
 * Excel table's total row says), whatever figures follow. Never a task, even with a count in
 * the measures or status column (`7项`, `已完成1项`).
 */
const TOTAL = /^(?:合计|总计|小计|共计|累计|汇总|总数|(?:grand\s*|sub)?totals?|sum)[:：]?$/i;

/** A table row is a category caption when one value spans at least this share of the table. */
const WIDE_SHARE = 0.5;

interface OwnCell {
  col: number;
  text: string;
  span: number;
}

/**
 * Reads the tasks below the header. A merged value applies to every row it spans (one
 * problem over several measure rows); category rows set the category of the tasks under
 * them; blank rows, rows with only a sequence number, and footer rows are not tasks.
 */
export function readTasks(grid: Grid, layout: LedgerLayout, merges = MergeIndex.of(grid)): Task[] {
  const tasks: Task[] = [];
  const firstCol = grid.origin.col;
  const width = gridColCount(grid);
  const lastRow = grid.origin.row + grid.values.length - 1;
  const seqCol = sequenceColumn(grid, layout, merges);
  const fieldCols = new Set(Object.values(layout.columns));
  const lastCells: (TaskCell | undefined)[] = [];
  let category: string | undefined;
  const parsers = cachedParsers(grid.date1904 === true);
  const readings = readingsOf(layout);

  for (let row = layout.headerRow + 1; row <= lastRow; row++) {
    const own = summarizeRow(grid, row, firstCol, merges, fieldCols, seqCol);
    if (!own) continue;

    const { first } = own;
    if (own.count === 1 && FOOTER.test(first.text)) continue;
    if (own.count === 1 && (first.span >= Math.max(2, width * WIDE_SHARE) || CATEGORY.test(first.text))) {
      category = first.text;
      continue;
    }
    // `一` in the 序号 column, the caption beside it across the table: `一、关于……方面`.
    const caption =
      own.second && first.col === seqCol
        ? ((own.count === 2 ? numberedCaption(first, own.second, width) : null) ??
          bareCaption(grid, layout, row, merges, first, own.second))
        : null;
    if (caption !== null) {
      category = caption;
      continue;
    }
    if (!own.taskContent) continue;
    if (FOOTER.test(first.text) && !own.laterFieldContent) continue;
    if (FOOTER_LABEL.test(first.text) && onlyFooterLabels(grid, row, firstCol, merges)) continue;
    if (TOTAL.test(first.text.replace(/\s+/g, ""))) continue;

    tasks.push(makeTask(grid, layout, row, merges, category, parsers, readings, lastCells));
  }
  return tasks;
}

/**
 * A footer's label with what it is filled in with: `填报人：张某`, `填报日期：2025年6月30日`,
 * `主要负责人签字：`, `填报单位（盖章）`. The label ends the text or a colon follows it, so a
 * problem that merely opens with such a word (`审核把关不严`) is not one.
 */
const FOOTER_LABEL =
  /^(?:填报人|填表人|填报单位|填报日期|填报时间|填表日期|报送日期|报送单位|审核人|审核|审批人|复核人|制表人?|统计人|经办人|联系人|联系电话|电话|主要负责人|单位负责人|分管领导|负责人)(?:[（(](?:盖章|签字|签名|公章)[）)])?(?:签字|签名|盖章)?(?:[:：]|$)/;

/**
 * Every value of the row is a footer label (`填报人：张某` | `审核人：李某` | `联系电话：…`): a
 * footer spread over the table's columns, which must not read as a task with its fields filled.
 */
function onlyFooterLabels(grid: Grid, row: number, firstCol: number, merges: MergeIndex): boolean {
  const values = grid.values[row - grid.origin.row] ?? [];
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null || values[i] === undefined) continue;
    const text = ownText(grid, merges, row, firstCol + i);
    if (text !== "" && !FOOTER_LABEL.test(text)) return false;
  }
  return true;
}

/** A category's numeral alone in the 序号 column: `一`, `二、`, `（三）`, `第四`. */
const CAPTION_NUMERAL = /^(?:第?[一二三四五六七八九十百]+[、.．]?|[（(][一二三四五六七八九十百]+[）)])$/;

/**
 * A category caption split over the 序号 column and one cell beside it (`一` | `关于……方面`),
 * as one text (`一、关于……方面`); null for any other row. The caption spans the table or
 * reads as one.
 */
function numberedCaption(numeral: OwnCell, text: OwnCell, width: number): string | null {
  if (!CAPTION_NUMERAL.test(numeral.text)) return null;
  if (!(text.span >= Math.max(2, width * WIDE_SHARE) || CATEGORY.test(text.text) || /^关于/.test(text.text)))
    return null;
  const joiner = /[、.．)）]$/.test(numeral.text) ? "" : "、";
  return `${numeral.text}${joiner}${text.text}`;
}

/** A cell's trimmed text in this row, "" where a merged area from above or the left covers it. */
function ownText(grid: Grid, merges: MergeIndex, row: number, col: number): string {
  const area = merges.areaAt(row, col);
  return area && (area.top !== row || area.left !== col) ? "" : textAt(grid, row, col).trim();
}

/** How many tasks a caption counts (`共2项`, `3个问题`): a heading's figure, not a status. */
const CAPTION_COUNT = /^[(（]?(?:共|计|合计)?\d+(?:项|个|条)(?:问题|任务|措施)?[)）]?$/;

/**
 * A row numbered with a category's numeral (`二`, `（四）`, `五、`) that holds no measures,
 * deadline or status of its own is a category caption, however it is laid out: `（四）` |
 * `干部队伍建设`, `二` | `…方面` | … | `共2项`, `五、` | `意识形态工作（3项）` | … | `宣传科`.
 * A task is numbered 1, 2, 3; a Chinese numeral with nothing to do is a heading.
 */
function bareCaption(
  grid: Grid,
  layout: LedgerLayout,
  row: number,
  merges: MergeIndex,
  numeral: OwnCell,
  text: OwnCell,
): string | null {
  if (!CAPTION_NUMERAL.test(numeral.text)) return null;
  const { measures, deadline, status } = layout.columns;
  for (const col of [measures, deadline, status]) {
    const t = col === undefined ? "" : ownText(grid, merges, row, col);
    if (t !== "" && !CAPTION_COUNT.test(t)) return null;
  }
  const joiner = /[、.．)）]$/.test(numeral.text) ? "" : "、";
  return `${numeral.text}${joiner}${text.text}`;
}

interface RowSummary {
  /** Non-empty cells whose value belongs to this row (not merged down from a row above). */
  count: number;
  /** The first of them, with its text: captions and footers are told by it. */
  first: OwnCell;
  /** The second, when the first is the sequence number (a numbered category caption). */
  second?: OwnCell;
  /** One of them is in a field column other than the sequence number. */
  taskContent: boolean;
  /** One after the first is in a field column. */
  laterFieldContent: boolean;
}

/**
 * What classifying a row needs, in one pass and one allocation: a 50,000-row ledger must not
 * build an object per cell just to tell tasks from captions.
 */
function summarizeRow(
  grid: Grid,
  row: number,
  firstCol: number,
  merges: MergeIndex,
  fieldCols: Set<number>,
  seqCol: number | undefined,
): RowSummary | null {
  const values = grid.values[row - grid.origin.row];
  if (!values) return null;
  let summary: RowSummary | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || (typeof v === "string" && isBlank(v))) continue;
    const col = firstCol + i;
    const area = merges.areaAt(row, col);
    if (area && (area.top !== row || area.left !== col)) continue;
    const isField = fieldCols.has(col);
    if (summary === null) {
      const text = textAt(grid, row, col).trim();
      if (text === "") continue;
      const span = area ? area.right - area.left + 1 : 1;
      summary = {
        count: 1,
        first: { col, text, span },
        taskContent: isField && col !== seqCol,
        laterFieldContent: false,
      };
    } else {
      summary.count++;
      if (summary.count === 2 && summary.first.col === seqCol) {
        summary.second = { col, text: textAt(grid, row, col).trim(), span: area ? area.right - area.left + 1 : 1 };
      }
      if (isField) {
        summary.laterFieldContent = true;
        if (col !== seqCol) summary.taskContent = true;
      }
    }
  }
  return summary;
}

/**
 * One task's cells. A merged cell's master is shared by every row under it: its TaskCell is
 * made once and reused (`lastCells`), not re-read per row. The cells object always has every
 * field, in one order (absent columns undefined): one shape for 50,000 tasks keeps reads fast.
 */
function makeTask(
  grid: Grid,
  layout: LedgerLayout,
  row: number,
  merges: MergeIndex,
  category: string | undefined,
  parsers: CachedParsers,
  readings: FieldReadings,
  lastCells: (TaskCell | undefined)[],
): Task {
  const cols = layout.columns;
  const cells: Record<Field, TaskCell | undefined> = {
    problem: cellOf(grid, cols.problem, 0, row, merges, lastCells, PLACEHOLDER),
    measures: cellOf(grid, cols.measures, 1, row, merges, lastCells, PLAIN),
    lead: cellOf(grid, cols.lead, 2, row, merges, lastCells, readings.lead),
    department: cellOf(grid, cols.department, 3, row, merges, lastCells, readings.department),
    deadline: deadlineCell(grid, layout, row, merges, lastCells),
    status: cellOf(grid, cols.status, 5, row, merges, lastCells, PLACEHOLDER),
    evidence: cellOf(grid, cols.evidence, 6, row, merges, lastCells, EVIDENCE),
  };
  const task: Task = {
    row,
    cells,
    deadline: cells.deadline ? parsers.deadline(cells.deadline) : EMPTY_DEADLINE,
    status: cells.status ? parsers.status(cells.status) : EMPTY_STATUS,
  };
  if (category !== undefined) task.category = category;
  return task;
}

/** What a field makes of its cell's display text: the field's meaning, "" when there is none. */
type Reading = (shown: string) => string;

/** How the lead's and the department's cells are read, by the layout: once per ledger, not per row. */
interface FieldReadings {
  lead: Reading;
  department: Reading;
}

function readingsOf(layout: LedgerLayout): FieldReadings {
  const { columns: cols, pair } = layout;
  const leadSide = pair !== undefined && cols.lead === pair.col ? pair.first : undefined;
  const deptSide = pair !== undefined && cols.department === pair.col ? pair.first : undefined;
  // 牵头单位及配合单位: the department column lists co-units too (LEAD_UNIT picks the responsible one).
  const coUnits = /配合|协办/.test(layout.headers.department ?? "");
  return {
    lead: leadSide ? LEAD_OF_PAIR[leadSide] : PLAIN,
    department: deptSide ? DEPT_OF_PAIR[deptSide] : coUnits ? LEAD_UNIT : MARKED_OR_PLAIN,
  };
}

/**
 * An error value (`#N/A` from a VLOOKUP that found no leader, `#REF!`) names nothing: the
 * reading sweep of 2026-12-03 found `#N/A` taken for a lead, and split at its `/` into two.
 */
const isErrorText = (t: string): boolean => t[0] === "#" && EXCEL_ERRORS.has(t.toUpperCase());
/** A reading that takes an error value for nothing before it looks at the text (`#N/A` has a `/`). */
const unlessError =
  (read: Reading): Reading =>
  (t) =>
    isErrorText(t) ? "" : read(t);
/** Placeholders (`无`, `/`, `——`, `待补充`) mean empty. */
const PLACEHOLDER: Reading = (t) => (t !== "" && isPlaceholder(t) ? "" : t);
/**
 * What a measures, lead or department cell says: nothing for a placeholder or an error value.
 * (A problem cell's error still stands for its row's own problem; a status's is read as unclear.)
 */
const PLAIN: Reading = unlessError(PLACEHOLDER);
/** As a deadline, `待定` is no deadline either. */
const DEADLINE: Reading = (t) => (t !== "" && isDeadlinePlaceholder(t) ? "" : t);
/**
 * As evidence, material not there yet (`未上传`, `待收集`, `×`) is no evidence either, nor is an
 * error value (`#REF!` where a link to the material broke).
 */
const EVIDENCE: Reading = (t) => (t !== "" && (isEvidencePlaceholder(t) || isErrorText(t)) ? "" : t);
/** "As above": 同上, 同前, the ditto mark 〃 and the quotes clerks type for it. */
const DITTO = /^\s*(?:同上|同前|〃+|″|"|”|“|''|,,)[。.]?\s*$/;
/**
 * The responsible unit of a cell listing it with its co-units (`财务科（牵头）、办公室`,
 * `牵头：财务科；配合：办公室`): the one marked 牵头 or 主责, else the first not marked 配合.
 */
const LEAD_UNIT: Reading = unlessError((t) => {
  const parts = t
    .split(/[、，,；;/\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  // The one marked 牵头, else the first not marked 配合 (`办公室（配合）、财务科`); co-units alone
  // name no responsible unit (missing-department).
  const marked =
    parts.find((p) => /[(（](?:牵头|主责)[)）]|^(?:牵头|主责)(?:单位|部门)?[:：]/.test(p)) ??
    parts.find((p) => !/[(（]\s*(?:配合|协办)\s*[)）]|^(?:配合|协办)(?:单位|部门)?\s*[:：]/.test(p)) ??
    "";
  return PLAIN(marked.replace(/[(（](?:牵头|主责)[)）]|^(?:牵头|主责)(?:单位|部门)?[:：]/g, "").trim());
});
/** A unit's role written in its cell: `财务科（牵头）`, `配合：办公室`. */
const ROLE_MARK =
  /[(（]\s*(?:牵头|主责|配合|协办)\s*[)）]|(?:^|[、，,；;\s])(?:牵头|主责|配合|协办)(?:单位|部门)?\s*[:：]/;
/**
 * A plain 责任部门 column names the responsible units (`财务科、办公室`: both); a cell that marks
 * the roles itself (`财务科（牵头）、办公室（配合）`) names one, as a co-unit column does.
 */
const MARKED_OR_PLAIN: Reading = (t) => (ROLE_MARK.test(t) ? LEAD_UNIT(t) : PLAIN(t));
/** One side of a cell holding the lead and the department (`张某/总务处`), by which stands first. */
const LEAD_OF_PAIR: Record<PairFirst, Reading> = {
  lead: unlessError((t) => side(splitPair(t, "lead").lead)),
  department: unlessError((t) => side(splitPair(t, "department").lead)),
};
const DEPT_OF_PAIR: Record<PairFirst, Reading> = {
  lead: unlessError((t) => side(splitPair(t, "lead").department)),
  department: unlessError((t) => side(splitPair(t, "department").department)),
};
/** A side as read, but "as above" (`〃/办公室`) kept for cellOf to resolve: some dittos are placeholders too. */
const side: Reading = (t) => (t.length <= 4 && DITTO.test(t) ? t.trim() : PLAIN(t));

/** The adjusted deadline's cell where the clerk filled it in, else the original deadline's. */
function deadlineCell(
  grid: Grid,
  layout: LedgerLayout,
  row: number,
  merges: MergeIndex,
  lastCells: (TaskCell | undefined)[],
): TaskCell | undefined {
  const original = cellOf(grid, layout.columns.deadline, 4, row, merges, lastCells, DEADLINE);
  if (layout.adjustedDeadline === undefined) return original;
  const adjusted = cellOf(grid, layout.adjustedDeadline, 7, row, merges, lastCells, DEADLINE);
  return adjusted && adjusted.text !== "" ? adjusted : original;
}

/**
 * The cell in column `col` of `row`, or undefined without such a column; `slot`: its place in
 * lastCells. The text is the display text (a formula cell's shown value, see displayText),
 * read for the field by `read`; the whole text stays in `shown` where it differs.
 */
function cellOf(
  grid: Grid,
  col: number | undefined,
  slot: number,
  row: number,
  merges: MergeIndex,
  lastCells: (TaskCell | undefined)[],
  read: Reading,
): TaskCell | undefined {
  if (col === undefined) return undefined;
  const area = merges.areaAt(row, col);
  const r = area ? area.top : row;
  const c = area ? area.left : col;
  const last = lastCells[slot];
  if (last !== undefined && last.row === r && last.col === c) return last;
  const shown = displayText(grid, r, c);
  // `同上`, `〃`: the clerk's "as above", the same lead or department as the task before; its
  // meaning is that cell's, its place its own (a finding points at the cell the clerk typed).
  if (shown.length <= 4 && DITTO.test(shown)) {
    return (lastCells[slot] = last
      ? { row: r, col: c, value: last.value, text: last.text, shown }
      : { row: r, col: c, value: valueAt(grid, r, c), text: "", shown });
  }
  let text = read(shown);
  // `张某/同上`: one side of a lead-and-department cell as above, the other its own.
  if (text !== shown && text.length <= 4 && DITTO.test(text)) text = last?.text ?? "";
  // One literal shape for every cell (shown undefined when it says nothing more).
  return (lastCells[slot] = {
    row: r,
    col: c,
    value: valueAt(grid, r, c),
    text,
    shown: text !== shown ? shown : undefined,
  });
}

const EMPTY_DEADLINE: DeadlineMeaning = { kind: "empty" };
const EMPTY_STATUS: StatusMeaning = { kind: "empty", text: "" };

interface CachedParsers {
  deadline(cell: TaskCell): DeadlineMeaning;
  status(cell: TaskCell): StatusMeaning;
}

/**
 * Ledgers repeat the same few deadline and status phrases thousands of times (`正在推进`,
 * `2025年12月底`); parsing each distinct cell once keeps 50,000 rows cheap. Results are
 * shared between tasks and must be treated as read-only.
 */
function cachedParsers(date1904: boolean): CachedParsers {
  return {
    deadline: cached((value, text) => parseDeadline(value, text, date1904)),
    status: cached(parseStatus),
  };
}

function cached<T>(parse: (value: CellValue, text: string) => T): (c: TaskCell) => T {
  // Keyed without building a key where possible: a text cell by its text, a date by its time
  // and text; anything else by type, value and text.
  const byText = new Map<string, T>();
  const byDate = new Map<number, Map<string, T>>();
  const byKey = new Map<string, T>();
  const lookupText = (map: Map<string, T>, text: string): T => {
    let m = map.get(text);
    if (m === undefined) map.set(text, (m = parse(text, text)));
    return m;
  };
  const lookup = (map: Map<string, T>, k: string, c: TaskCell): T => {
    let m = map.get(k);
    if (m === undefined) map.set(k, (m = parse(c.value, c.text)));
    return m;
  };
  return (c) => {
    const v = c.value;
    // A text cell means what it shows for its field (placeholders emptied, a formula's shown
    // value): parsed from that text, never from formula text or a placeholder.
    if (typeof v === "string") return lookupText(byText, c.text);
    if (v instanceof Date) {
      const time = v.getTime();
      let texts = byDate.get(time);
      if (texts === undefined) byDate.set(time, (texts = new Map()));
      return lookup(texts, c.text, c);
    }
    return lookup(byKey, keyOf(c), c);
  };
}

function keyOf(c: TaskCell): string {
  const v = c.value;
  const raw = v !== null && typeof v === "object" && !(v instanceof Date) ? `e${v.error}` : `${typeof v}${String(v)}`;
  return `${raw}|${c.text}`;
}

/** Same as `!/\S/.test(s)`, without a regular expression per cell. */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) return false;
    if (!isSpace(c)) return false;
  }
  return true;
}
