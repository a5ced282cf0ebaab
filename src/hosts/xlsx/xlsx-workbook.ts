import ExcelJS from "exceljs";
import "./exceljs-patches.js";
import type { Grid } from "../../core/grid.js";
import {
  decodeState,
  emptyState,
  encodeState,
  STATE_SHEET,
  type MarksState,
  type OriginalCell,
} from "../../core/marks-state.js";
import type { SheetDocument } from "../../core/sheet-document.js";
import { marksByCell } from "../../core/marks.js";
import { chooseSheetName } from "../../core/sheet-names.js";
import { MARK_FILLS, type Mark, type ReadOptions, type SheetInfo, type WorkbookPort } from "../workbook.js";
import { readGrid } from "./read-grid.js";
import { renderSheetDocument } from "./render-sheet.js";

/** Every note ledger-check writes starts with this, so a reader knows who wrote it. */
export const NOTE_PREFIX = "ledger-check:";

type Note = string | ExcelJS.Comment;

/**
 * The workbook port on an .xlsx file (through exceljs) or on a CSV file. A CSV workbook has
 * one sheet; as soon as something is written it becomes an in-memory xlsx holding the CSV data
 * (the CSV file itself is never modified: toBuffer always gives xlsx bytes).
 */
export class XlsxWorkbook implements WorkbookPort {
  private wb: ExcelJS.Workbook | null;
  private readonly csv: Grid | null;
  private state: MarksState;

  private constructor(wb: ExcelJS.Workbook | null, csv: Grid | null) {
    this.wb = wb;
    this.csv = csv;
    this.state = wb ? loadState(wb) : emptyState();
  }

  static fromExcelJS(wb: ExcelJS.Workbook): XlsxWorkbook {
    return new XlsxWorkbook(wb, null);
  }

  /** A one-sheet workbook over a CSV grid (string values, no merges). */
  static fromCsvGrid(grid: Grid): XlsxWorkbook {
    return new XlsxWorkbook(null, grid);
  }

  /** "csv" when opened from a CSV file (its bytes can't be saved back as CSV). */
  get source(): "xlsx" | "csv" {
    return this.csv ? "csv" : "xlsx";
  }

  /** The exceljs workbook, built from the CSV data on first need. */
  get workbook(): ExcelJS.Workbook {
    if (!this.wb) {
      const wb = new ExcelJS.Workbook();
      const grid = this.csv!;
      const ws = wb.addWorksheet(grid.sheet);
      // Strings stay strings (never formulas, never numbers): the clerk's data as it was.
      grid.values.forEach((row, i) => {
        if (row.length === 0) return;
        const r = ws.getRow(i + 1);
        row.forEach((v, j) => {
          if (v !== null) r.getCell(j + 1).value = v as ExcelJS.CellValue;
        });
      });
      this.wb = wb;
    }
    return this.wb;
  }

  async listSheets(): Promise<SheetInfo[]> {
    if (!this.wb && this.csv) {
      const g = this.csv;
      return [{ name: g.sheet, rowCount: g.values.length, generated: false, visible: true }];
    }
    return this.workbook.worksheets
      .filter((ws) => ws.name !== STATE_SHEET)
      .map((ws) => ({
        name: ws.name,
        rowCount: ws.rowCount,
        generated: this.state.generatedSheets.includes(ws.name),
        visible: ws.state === "visible" || ws.state === undefined,
      }));
  }

  async readGrid(sheet: string, options?: ReadOptions): Promise<Grid> {
    if (this.csv && sheet === this.csv.sheet) return csvSlice(this.csv, options);
    return readGrid(this.sheet(sheet), options);
  }

  async writeMarks(sheet: string, marks: Mark[]): Promise<void> {
    const ws = this.sheet(sheet);
    this.restore(ws);

    const byCell = marksByCell(marks);

    const originals: Record<string, OriginalCell> = {};
    for (const [address, m] of byCell) {
      const cell = ws.getCell(m.row, m.col);
      originals[address] = captureOriginal(cell);
      setFill(cell, solidFill(MARK_FILLS[m.severity]));
      setNote(cell, appendNote(cell.note as Note | undefined, `${NOTE_PREFIX} ${m.note}`));
    }
    if (byCell.size > 0) this.state.marks[ws.name] = originals;
    this.saveState();
  }

  async clearMarks(sheet: string): Promise<void> {
    const ws = this.workbook.getWorksheet(sheet);
    if (!ws || !this.state.marks[ws.name]) return;
    this.restore(ws);
    this.saveState();
  }

  async writeSheet(doc: SheetDocument): Promise<string> {
    const wb = this.workbook;
    const name = chooseSheetName(
      doc.name,
      wb.worksheets.map((ws) => ws.name),
      this.state.generatedSheets,
    );

    const old = findSheet(wb, name);
    let orderNo: number | undefined;
    if (old) {
      orderNo = (old as unknown as { orderNo: number }).orderNo;
      this.state.generatedSheets = this.state.generatedSheets.filter((n) => n !== old.name);
      wb.removeWorksheet(old.id);
    }
    const ws = wb.addWorksheet(name);
    // Same place in the tab order as the sheet it replaces.
    if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
    renderSheetDocument(ws, doc);

    this.state.generatedSheets.push(name);
    this.saveState();
    return name;
  }

  async select(sheet: string, cell: string): Promise<void> {
    const wb = this.workbook;
    const target = wb.getWorksheet(sheet);
    if (!target || (target.state !== undefined && target.state !== "visible")) return;
    const sheets = wb.worksheets;
    for (const ws of sheets) {
      const views = ws.views ?? [];
      const view = { ...(views[0] ?? { state: "normal" }) } as Partial<ExcelJS.WorksheetView> & {
        tabSelected?: boolean;
      };
      // Only one selected tab: two would put Excel in group mode, where typing edits both sheets.
      view.tabSelected = ws === target;
      if (ws === target) view.activeCell = cell;
      ws.views = [view, ...views.slice(1)];
    }
    const bookViews = wb.views ?? [];
    const bookView = bookViews[0] ?? { x: 0, y: 0, width: 12000, height: 24000, visibility: "visible" };
    wb.views = [{ ...bookView, activeTab: sheets.indexOf(target), firstSheet: 0 }, ...bookViews.slice(1)];
  }

  /** The workbook as .xlsx bytes (a CSV source becomes an xlsx with its data as a sheet). */
  async toBuffer(): Promise<Uint8Array> {
    const buf = await this.workbook.xlsx.writeBuffer();
    return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
  }

  /** The state as it stands (for tests and diagnostics). */
  get marksState(): MarksState {
    return structuredClone(this.state);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = name === STATE_SHEET ? undefined : this.workbook.getWorksheet(name);
    if (!ws) throw new Error(`no sheet named "${name}"`);
    return ws;
  }

  /** Puts back the recorded fills and notes of a sheet and forgets them (state saved by the caller). */
  private restore(ws: ExcelJS.Worksheet): void {
    const originals = this.state.marks[ws.name];
    if (!originals) return;
    for (const [address, original] of Object.entries(originals)) {
      const cell = ws.getCell(address);
      const raw = original.raw ?? {};
      setFill(
        cell,
        "fill" in raw ? (raw.fill as ExcelJS.Fill | undefined) : original.fill ? solidFill(original.fill) : undefined,
      );
      // The Office.js host records noteUnknown when Excel could not tell it the note (and so
      // wrote none): whatever note the cell has is the clerk's.
      if (raw.noteUnknown !== true) setNote(cell, "note" in raw ? (raw.note as Note) : (original.note ?? undefined));
    }
    delete this.state.marks[ws.name];
  }

  /** Writes the state into its veryHidden sheet, or removes the sheet when there is nothing to keep. */
  private saveState(): void {
    const wb = this.workbook;
    this.state.generatedSheets = this.state.generatedSheets.filter((n) => wb.getWorksheet(n) !== undefined);
    let ws = wb.getWorksheet(STATE_SHEET);
    const nothing = this.state.generatedSheets.length === 0 && Object.keys(this.state.marks).length === 0;
    if (nothing) {
      if (ws) removeSheet(wb, ws);
      return;
    }
    if (!ws) ws = wb.addWorksheet(STATE_SHEET, { state: "veryHidden" });
    ws.state = "veryHidden";
    const chunks = encodeState(this.state);
    const rows = Math.max(ws.rowCount, chunks.length);
    for (let r = 1; r <= rows; r++) ws.getCell(r, 1).value = chunks[r - 1] ?? null;
  }
}

/**
 * Removes a sheet, keeping the workbook's active tab on the same sheet: Excel counts tabs by
 * position, hidden ones included, and a position past the end makes Excel repair the file.
 */
function removeSheet(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): void {
  const index = wb.worksheets.indexOf(ws);
  wb.removeWorksheet(ws.id);
  const last = Math.max(0, wb.worksheets.length - 1);
  for (const view of wb.views ?? []) {
    if (typeof view.activeTab === "number" && view.activeTab > index) view.activeTab -= 1;
    if (typeof view.activeTab === "number" && view.activeTab > last) view.activeTab = last;
    const v = view as { firstSheet?: number };
    if (typeof v.firstSheet === "number" && v.firstSheet > last) v.firstSheet = last;
  }
}

/** Excel compares sheet names without regard to case, so must we. */
function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const lower = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === lower);
}

function loadState(wb: ExcelJS.Workbook): MarksState {
  const ws = wb.getWorksheet(STATE_SHEET);
  if (!ws) return emptyState();
  const chunks: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.findRow(r)?.getCell(1).value;
    if (typeof v === "string") chunks.push(v);
  }
  return decodeState(chunks);
}

function csvSlice(grid: Grid, options: ReadOptions = {}): Grid {
  const total = grid.values.length;
  const n = options.maxRows !== undefined ? Math.min(total, Math.max(0, Math.floor(options.maxRows))) : total;
  options.onProgress?.(n, n);
  return n === total ? grid : { ...grid, values: grid.values.slice(0, n) };
}

function solidFill(rgb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: `FF${rgb.toUpperCase()}` } };
}

/**
 * exceljs shares one style object among all cells of the same style in a loaded file, so
 * assigning `cell.fill` would repaint every such cell. Give the cell its own copy instead.
 */
function setFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | undefined): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (fill) style.fill = fill;
  else delete style.fill;
  cell.style = style;
}

function setNote(cell: ExcelJS.Cell, note: Note | undefined): void {
  if (note === undefined || note === null || note === "") {
    // exceljs has no public way to remove a note, and a note loaded from a file also sits in
    // the value's model, from where it would be written again.
    const internal = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
    delete internal._comment;
    if (internal._value?.model) delete internal._value.model.comment;
  } else {
    cell.note = note;
  }
}

function captureOriginal(cell: ExcelJS.Cell): OriginalCell {
  const fill = cell.style?.fill;
  const note = cell.note as Note | undefined;
  const raw: Record<string, unknown> = {};
  if (fill) raw.fill = structuredClone(fill);
  if (note !== undefined && typeof note !== "string") raw.note = structuredClone(note);
  return {
    fill: solidColour(fill),
    note: note === undefined ? null : noteText(note),
    ...(Object.keys(raw).length > 0 ? { raw } : {}),
  };
}

/** "RRGGBB" of a solid RGB fill; null for none and for fills a colour can't describe (theme, patterns). */
function solidColour(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return null;
  const argb = fill.fgColor?.argb;
  return typeof argb === "string" && /^[0-9A-Fa-f]{6,8}$/.test(argb) ? argb.slice(-6).toUpperCase() : null;
}

function noteText(note: Note): string {
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

/** The user's note stays on top; ours goes below it. */
function appendNote(existing: Note | undefined, ours: string): Note {
  if (existing === undefined || existing === null) return ours;
  if (typeof existing === "string") return existing === "" ? ours : `${existing}\n${ours}`;
  const texts = existing.texts ?? [];
  return { ...existing, texts: [...texts.map((t) => ({ ...t })), { text: `${texts.length > 0 ? "\n" : ""}${ours}` }] };
}
