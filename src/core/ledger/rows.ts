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
    const own = ownCells(grid, row, firstCol, width, merges);
    if (own.length === 0) continue;

    const lone = own.length === 1 ? own[0]! : undefined;
    if (lone && FOOTER.test(lone.text)) continue;
    if (lone && (lone.span >= Math.max(2, width * WIDE_SHARE) || CATEGORY.test(lone.text))) {
      category = lone.text;
      continue;
    }
    if (own.every((c) => c.col === seqCol || !fieldCols.has(c.col))) continue;
    if (FOOTER.test(own[0]!.text) && own.every((c) => !fieldCols.has(c.col) || c.col === own[0]!.col)) continue;

    tasks.push(makeTask(grid, layout, row, merges, category, parsers));
  }
  return tasks;
}

/** Non-empty cells whose value belongs to this row (not merged down from a row above). */
function ownCells(grid: Grid, row: number, firstCol: number, width: number, merges: MergeIndex): OwnCell[] {
  const out: OwnCell[] = [];
  const values = grid.values[row - grid.origin.row];
  if (!values) return out;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || v === "") continue;
    const col = firstCol + i;
    const area = merges.areaAt(row, col);
    if (area && (area.top !== row || area.left !== col)) continue;
    const text = textAt(grid, row, col).trim();
    if (text === "") continue;
    out.push({ col, text, span: area ? area.right - area.left + 1 : 1 });
  }
  return out.length <= width ? out : out.slice(0, width);
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
