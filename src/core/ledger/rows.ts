import { FIELDS, type Field } from "../fields.js";
import { gridColCount, textAt, valueAt, type Grid } from "../grid.js";
import type { DeadlineMeaning, StatusMeaning } from "../parse/meaning.js";
import { parseDeadline } from "../parse/deadline.js";
import { parseStatus } from "../parse/status.js";
import { sequenceColumn } from "./detect.js";
import { MergeIndex } from "./merge-index.js";
import type { LedgerLayout, Task, TaskCell } from "./model.js";

/** Captions of category rows: `一、关于……方面`, `（二）……`, `第三部分`. */
const CATEGORY =
  /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]|第[一二三四五六七八九十百\d]+[部分类项方面]|[A-Z][、.．]|(?:part|section|category)\s*\w+)|方面(?:问题)?[:：]?$/i;

/** Footer and caption rows under the table. */
const FOOTER =
  /^(?:填报人|填表人|填报单位|审核人|审核|联系电话|联系人|说明|备注|注[:：\d一]|制表|负责人签字|单位盖章|盖章|签字|合计|总计|小计|prepared by|notes?\b|total)/i;

const NON_BLANK = /\S/;

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
  let category: string | undefined;
  const parsers = cachedParsers();

  for (let row = layout.headerRow + 1; row <= lastRow; row++) {
    const own = summarizeRow(grid, row, firstCol, merges, fieldCols, seqCol);
    if (!own) continue;

    const { first } = own;
    if (own.count === 1 && FOOTER.test(first.text)) continue;
    if (own.count === 1 && (first.span >= Math.max(2, width * WIDE_SHARE) || CATEGORY.test(first.text))) {
      category = first.text;
      continue;
    }
    if (!own.taskContent) continue;
    if (FOOTER.test(first.text) && !own.laterFieldContent) continue;

    tasks.push(makeTask(grid, layout, row, merges, category, parsers));
  }
  return tasks;
}

interface RowSummary {
  /** Non-empty cells whose value belongs to this row (not merged down from a row above). */
  count: number;
  /** The first of them, with its text: captions and footers are told by it. */
  first: OwnCell;
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
    if (v === null || v === undefined || (typeof v === "string" && !NON_BLANK.test(v))) continue;
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
      if (isField) {
        summary.laterFieldContent = true;
        if (col !== seqCol) summary.taskContent = true;
      }
    }
  }
  return summary;
}

function makeTask(
  grid: Grid,
  layout: LedgerLayout,
  row: number,
  merges: MergeIndex,
  category: string | undefined,
  parsers: CachedParsers,
): Task {
  const cells: Partial<Record<Field, TaskCell>> = {};
  for (const field of FIELDS) {
    const col = layout.columns[field];
    if (col === undefined) continue;
    const m = merges.masterOf(row, col);
    cells[field] = {
      row: m.row,
      col: m.col,
      value: valueAt(grid, m.row, m.col),
      text: textAt(grid, m.row, m.col).trim(),
    };
  }
  const deadline = cells.deadline ? parsers.deadline(cells.deadline) : ({ kind: "empty" } as const);
  const status = cells.status ? parsers.status(cells.status) : { kind: "empty" as const, text: "" };
  return { row, cells, deadline, status, ...(category !== undefined ? { category } : {}) };
}

interface CachedParsers {
  deadline(cell: TaskCell): DeadlineMeaning;
  status(cell: TaskCell): StatusMeaning;
}

/**
 * Ledgers repeat the same few deadline and status phrases thousands of times (`正在推进`,
 * `2025年12月底`); parsing each distinct cell once keeps 50,000 rows cheap. Results are
 * shared between tasks and must be treated as read-only.
 */
function cachedParsers(): CachedParsers {
  const deadlines = new Map<string, DeadlineMeaning>();
  const statuses = new Map<string, StatusMeaning>();
  const key = (c: TaskCell): string => {
    const v = c.value;
    const raw =
      v instanceof Date
        ? `d${v.getTime()}`
        : v !== null && typeof v === "object"
          ? `e${v.error}`
          : `${typeof v}${String(v)}`;
    return `${raw}|${c.text}`;
  };
  return {
    deadline(c) {
      const k = key(c);
      let d = deadlines.get(k);
      if (!d) deadlines.set(k, (d = parseDeadline(c.value, c.text)));
      return d;
    },
    status(c) {
      const k = key(c);
      let st = statuses.get(k);
      if (!st) statuses.set(k, (st = parseStatus(c.value, c.text)));
      return st;
    },
  };
}
