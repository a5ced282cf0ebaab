import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";

/**
 * Writes ledgers the way clerks make them, from a small declarative spec: title rows merged
 * across, `填报单位：…  填报时间：…`, a one- or two-row header (`责任主体` over 责任领导 | 责任科室),
 * category rows merged across, problems with their 序号 and leader merged down over several
 * measure rows, template rows holding only a 序号, footer rows, date cells with a format, text
 * dates, error results, decoy columns (配合单位, 整改目标). Used by the tests, the sample script
 * and the benchmark (bench/), never shipped: test support lives under tests/, not src/.
 */

export type ColumnKey =
  | "seq"
  | "kind"
  | "problem"
  | "goal"
  | "measures"
  | "lead"
  | "department"
  | "coUnit"
  | "deadline"
  | "status"
  | "evidence"
  | "owner"
  | "remark";

/** A cell as a spec gives it. */
export type CellInput =
  | string
  | number
  | boolean
  | null
  | undefined
  /** An Excel date cell (UTC calendar date), shown with `yyyy"年"m"月"d"日"` unless numFmt says otherwise. */
  | Date
  | { date: Date | string; numFmt?: string }
  /** A formula whose cached result is an error (`#N/A` from a failed VLOOKUP). */
  | { error: string; formula?: string }
  /** Anything exceljs takes, written as is (rich text, hyperlinks, formulas). */
  | { raw: ExcelJS.CellValue };

export type MeasureSpec = Partial<Record<Exclude<ColumnKey, "seq" | "problem" | "kind">, CellInput>>;

export interface ProblemSpec {
  problem: CellInput;
  /** Defaults to the running number; null leaves it empty. */
  seq?: CellInput;
  /** 问题类别, merged down. */
  kind?: CellInput;
  /** Given here, these are merged down over the problem's measure rows (a measure's own value wins). */
  lead?: CellInput;
  department?: CellInput;
  goal?: CellInput;
  measures: MeasureSpec[];
}

export interface SectionSpec {
  /** A category row merged across the table (`一、关于……方面`); none when absent. */
  caption?: string;
  problems: ProblemSpec[];
}

export interface LedgerSpec {
  sheet?: string;
  /** First title row, merged across; null for none. */
  title?: string | null;
  /** Second title row (`填报单位：…  填报时间：…`), merged across; null for none. */
  subtitle?: string | null;
  /** Columns in order. */
  columns?: ColumnKey[];
  /** Header captions overriding the defaults (`责任\n领导`, `完成时限（年月日）`). */
  captions?: Partial<Record<ColumnKey, string>>;
  /** `责任主体` merged over the lead and department captions; the others merged down. */
  twoRowHeader?: boolean;
  sections: SectionSpec[];
  /** Pre-numbered rows with nothing but a 序号, after the tasks. */
  templateRows?: number;
  /** Rows under the table, each merged across (`填报人：…`, `说明：本清单共…项`). */
  footer?: string[];
  /** Borders, wrapping and column widths, as a clerk's sheet has them. Default true. */
  styled?: boolean;
  /**
   * The view Excel saves for the sheet a clerk works in: its tab selected (every file Excel saves
   * has one sheet so) and the rows down to the header frozen. Default false: no sheetViews at all.
   */
  excelView?: boolean;
}

export interface BuiltLedger {
  workbook: ExcelJS.Workbook;
  worksheet: ExcelJS.Worksheet;
  sheet: string;
  /** The (lower) header row. */
  headerRow: number;
  /** Column letter by key, for the columns present. */
  letters: Partial<Record<ColumnKey, string>>;
  /** Worksheet row of every measure row (every task), in order. */
  taskRows: number[];
  /** Worksheet rows of each problem's measure rows, in order. */
  problemRows: number[][];
  /** Address of a column's cell on the i-th task row: `at("status", 0)` → "I5". */
  at(key: ColumnKey, task: number): string;
}

export const DEFAULT_COLUMNS: ColumnKey[] = [
  "seq",
  "problem",
  "goal",
  "measures",
  "lead",
  "department",
  "coUnit",
  "deadline",
  "status",
  "evidence",
  "remark",
];

export const DEFAULT_CAPTIONS: Record<ColumnKey, string> = {
  seq: "序号",
  kind: "问题类别",
  problem: "反馈问题",
  goal: "整改目标",
  measures: "整改措施",
  lead: "责任领导",
  department: "责任部门",
  coUnit: "配合单位",
  deadline: "完成时限",
  status: "整改进展",
  evidence: "佐证材料",
  owner: "经办人",
  remark: "备注",
};

const WIDTHS: Record<ColumnKey, number> = {
  seq: 6,
  kind: 10,
  problem: 36,
  goal: 24,
  measures: 48,
  lead: 10,
  department: 14,
  coUnit: 14,
  deadline: 16,
  status: 16,
  evidence: 24,
  owner: 10,
  remark: 12,
};

export const DATE_FORMAT = 'yyyy"年"m"月"d"日"';

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
// Shared style objects: exceljs dedups them when writing, and 50,000 rows stay cheap.
const BODY_STYLE: Partial<ExcelJS.Style> = { border: BORDER, alignment: { vertical: "middle", wrapText: true } };
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  border: BORDER,
  font: { bold: true, name: "黑体", size: 11 },
  alignment: { vertical: "middle", horizontal: "center", wrapText: true },
};
const TITLE_STYLE: Partial<ExcelJS.Style> = {
  font: { name: "方正小标宋简体", size: 18 },
  alignment: { vertical: "middle", horizontal: "center" },
};

export function buildLedger(spec: LedgerSpec): BuiltLedger {
  const columns = spec.columns ?? DEFAULT_COLUMNS;
  const styled = spec.styled ?? true;
  const captions = { ...DEFAULT_CAPTIONS, ...spec.captions };
  const colOf = new Map<ColumnKey, number>(columns.map((k, i) => [k, i + 1]));
  const width = columns.length;
  const wb = new ExcelJS.Workbook();
  const sheet = spec.sheet ?? "整改台账";
  const ws = wb.addWorksheet(sheet);
  const merger = fastMerger(ws);
  if (styled) columns.forEach((k, i) => (ws.getColumn(i + 1).width = WIDTHS[k]));

  let row = 1;
  const across = (text: string, style?: Partial<ExcelJS.Style>, height?: number): void => {
    const cell = ws.getCell(row, 1);
    cell.value = text;
    if (style) cell.style = style;
    if (height) ws.getRow(row).height = height;
    merger(row, 1, row, width);
    row++;
  };

  const title = spec.title === undefined ? "区委第二巡察组反馈意见整改落实台账" : spec.title;
  if (title !== null) across(title, styled ? TITLE_STYLE : undefined, styled ? 32 : undefined);
  const subtitle =
    spec.subtitle === undefined ? "填报单位：区教育委员会党委        填报时间：2025年6月30日" : spec.subtitle;
  if (subtitle !== null) across(subtitle);

  // Header.
  const lead = colOf.get("lead");
  const dept = colOf.get("department");
  const twoRow = Boolean(spec.twoRowHeader && lead !== undefined && dept !== undefined && Math.abs(lead - dept) === 1);
  const headerStyle = styled ? HEADER_STYLE : undefined;
  if (twoRow) {
    const [gl, gr] = [Math.min(lead!, dept!), Math.max(lead!, dept!)];
    columns.forEach((k, i) => {
      const c = i + 1;
      if (c === gl || c === gr) {
        setCell(ws.getCell(row + 1, c), captions[k === "department" ? "department" : k] ?? "", headerStyle);
        if (headerStyle) ws.getCell(row, c).style = headerStyle;
      } else {
        setCell(ws.getCell(row, c), captions[k], headerStyle);
        merger(row, c, row + 1, c);
      }
    });
    setCell(ws.getCell(row, gl), "责任主体", headerStyle);
    merger(row, gl, row, gr);
    row += 2;
  } else {
    columns.forEach((k, i) => setCell(ws.getCell(row, i + 1), captions[k], headerStyle));
    if (styled) ws.getRow(row).height = 30;
    row++;
  }
  const headerRow = row - 1;
  if (spec.excelView) {
    // exceljs writes tabSelected from the view (sheet-view-xform.js) though its types leave it out.
    const view = {
      state: "frozen",
      ySplit: headerRow,
      topLeftCell: `A${headerRow + 1}`,
      activeCell: "A1",
      tabSelected: true,
    };
    ws.views = [view as unknown as ExcelJS.WorksheetView];
  }

  const bodyStyle = styled ? BODY_STYLE : undefined;
  const put = (r: number, key: ColumnKey, v: CellInput): void => {
    const c = colOf.get(key);
    if (c === undefined || v === undefined || v === null) return;
    setCell(ws.getCell(r, c), v, bodyStyle);
  };
  const taskRows: number[] = [];
  const problemRows: number[][] = [];
  let seq = 0;
  for (const section of spec.sections) {
    if (section.caption !== undefined) across(section.caption, bodyStyle);
    for (const p of section.problems) {
      seq++;
      const first = row;
      const n = Math.max(1, p.measures.length);
      const rows: number[] = [];
      for (let i = 0; i < n; i++) {
        const r = first + i;
        const m = p.measures[i] ?? {};
        if (bodyStyle) for (let c = 1; c <= width; c++) ws.getCell(r, c).style = bodyStyle;
        for (const [key, v] of Object.entries(m) as [ColumnKey, CellInput][]) put(r, key, v);
        rows.push(r);
      }
      // Merged down: the first row carries the value, the merge spreads it.
      const down = (key: ColumnKey, v: CellInput): void => {
        const c = colOf.get(key);
        if (c === undefined) return;
        if (v !== undefined && v !== null) setCell(ws.getCell(first, c), v, bodyStyle);
        if (n > 1 && p.measures.every((m) => (m as Record<string, unknown>)[key] === undefined))
          merger(first, c, first + n - 1, c);
      };
      down("seq", p.seq === undefined ? seq : p.seq);
      down("problem", p.problem);
      if (colOf.has("kind")) down("kind", p.kind);
      if (p.lead !== undefined) down("lead", p.lead);
      if (p.department !== undefined) down("department", p.department);
      if (p.goal !== undefined) down("goal", p.goal);
      taskRows.push(...rows);
      problemRows.push(rows);
      row += n;
    }
  }
  for (let i = 0; i < (spec.templateRows ?? 0); i++) {
    const c = colOf.get("seq") ?? 1;
    if (bodyStyle) for (let k = 1; k <= width; k++) ws.getCell(row, k).style = bodyStyle;
    setCell(ws.getCell(row, c), ++seq, bodyStyle);
    row++;
  }
  for (const line of spec.footer ?? []) across(line);

  const letters: Partial<Record<ColumnKey, string>> = {};
  for (const [k, c] of colOf) letters[k] = letter(c);
  return {
    workbook: wb,
    worksheet: ws,
    sheet,
    headerRow,
    letters,
    taskRows,
    problemRows,
    at(key, task) {
      const l = letters[key];
      const r = taskRows[task];
      if (l === undefined || r === undefined) throw new Error(`no ${key} cell for task ${task}`);
      return `${l}${r}`;
    },
  };
}

export async function ledgerBytes(built: BuiltLedger | ExcelJS.Workbook): Promise<Uint8Array> {
  const wb = built instanceof ExcelJS.Workbook ? built : built.workbook;
  const buf = await wb.xlsx.writeBuffer();
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
}

function setCell(cell: ExcelJS.Cell, v: CellInput, style?: Partial<ExcelJS.Style>): void {
  let numFmt: string | undefined;
  if (v instanceof Date) {
    cell.value = v;
    numFmt = DATE_FORMAT;
  } else if (v !== null && typeof v === "object" && "date" in v) {
    cell.value = typeof v.date === "string" ? isoDate(v.date) : v.date;
    numFmt = v.numFmt ?? DATE_FORMAT;
  } else if (v !== null && typeof v === "object" && "error" in v) {
    cell.value = {
      formula: v.formula ?? "VLOOKUP(B5,反馈问题!A:C,3,FALSE)",
      result: { error: v.error },
    } as ExcelJS.CellValue;
  } else if (v !== null && typeof v === "object" && "raw" in v) {
    cell.value = v.raw;
  } else if (v !== undefined && v !== null) {
    cell.value = v;
  }
  // Style objects are shared by reference (cell.numFmt = … would write into the shared one):
  // a formatted cell gets its own.
  if (numFmt) cell.style = { ...(style ?? cell.style), numFmt };
  else if (style) cell.style = style;
}

/** `2025-06-30` → the UTC date exceljs writes as that calendar day. */
export function isoDate(s: string): Date {
  const [y, m, d] = s.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

function letter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * worksheet.mergeCells checks each new area against every earlier one, which is quadratic:
 * minutes for a 50,000-row ledger. The builder never overlaps its own areas, so it merges the
 * way exceljs does minus that check, and falls back to the public call if the internals moved.
 */
function fastMerger(ws: ExcelJS.Worksheet): (top: number, left: number, bottom: number, right: number) => void {
  const internal = ws as unknown as { _merges?: Record<string, unknown> };
  const probe = new ExcelJS.Workbook().addWorksheet("probe");
  probe.mergeCells(1, 1, 2, 1);
  const shape = (probe as unknown as { _merges?: Record<string, unknown> })._merges?.A1;
  if (!internal._merges || !shape) return (t, l, b, r) => ws.mergeCells(t, l, b, r);
  const Range = (shape as object).constructor as new (t: number, l: number, b: number, r: number) => unknown;
  return (top, left, bottom, right) => {
    const master = ws.getCell(top, left);
    for (let i = top; i <= bottom; i++) {
      for (let j = left; j <= right; j++) {
        if (i > top || j > left) (ws.getCell(i, j) as unknown as { merge(m: ExcelJS.Cell): void }).merge(master);
      }
    }
    internal._merges![master.address] = new Range(top, left, bottom, right);
  };
}

// ——— files, for the tests ———

/** A fresh temp directory and a function that removes it. */
export async function tempDir(prefix = "ledger-check-"): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Builds the spec's ledger and writes it as `name` in dir; returns the built ledger and the path. */
export async function writeLedger(
  dir: string,
  name: string,
  spec: LedgerSpec | BuiltLedger,
): Promise<BuiltLedger & { path: string }> {
  const built = "workbook" in spec ? spec : buildLedger(spec);
  const path = join(dir, name);
  await writeFile(path, await ledgerBytes(built));
  return { ...built, path };
}
