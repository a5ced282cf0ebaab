/// <reference types="office-js" />
import { formatDate } from "../../core/date-format.js";
import { cellAddress, columnLetter, type CellValue, type Grid } from "../../core/grid.js";
import { STATE_SHEET, type MarksState, type OriginalCell } from "../../core/marks-state.js";
import type { Severity } from "../../core/report.js";
import type { CellStyle, DocCell, SheetDocument } from "../../core/sheet-document.js";
import { chooseSheetName } from "../../core/sheet-names.js";
import { marksByCell } from "../../core/marks.js";
import { MARK_FILLS, type Mark, type ReadOptions, type SheetInfo, type WorkbookPort } from "../workbook.js";
import { joinAddresses, parseRangeAddress, rectAddress, splitAreas, type Rect } from "./address.js";
import { toCellValue } from "./cell-values.js";
import { loadState, queueSaveState, readStateOf, type LoadedState } from "./state-io.js";

/**
 * The Office.js host: the port implemented on Excel's own object model. Every call batches:
 * loads and writes are queued and sent in few `context.sync()` round trips, so the cost grows
 * with chunks, never with rows or marks. `stats` counts the round trips and payloads so the
 * bench and the tests can hold the host to that.
 */

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type RequirementCheck = (set: string, version: string) => boolean;

export type Operation = "list" | "read" | "mark" | "clear" | "bulletin" | "select";
export interface OperationStats {
  syncs: number;
  /** Largest estimated request of one sync: JSON length of the values written. */
  maxRequestBytes: number;
  /** Largest estimated response of one sync: JSON length of the values read. */
  maxResponseBytes: number;
}

export interface ExcelWorkbookOptions {
  /** `Office.context.requirements.isSetSupported`, injectable for tests. */
  isSetSupported?: RequirementCheck;
  /** Target response size of one read sync (Excel on the web refuses payloads over 5 MB). */
  syncBudgetBytes?: number;
}

/** Rows × columns per loaded range: a chunk stays well under Excel's per-request cell limits. */
const MAX_CELLS_PER_CHUNK = 100_000;
/** Rows read with the used range's address in the first sync: most ledgers fit whole. */
const PROBE_ROWS = 5_000;
/**
 * A conservative per-cell guess (values + format JSON) until the first chunk is measured. Reads
 * load `values` and `numberFormat` only: Excel's `text` would add about a third to every response
 * (a 50,000-row ledger needed 6 syncs with it, 4 without), and the engine needs it only for
 * dates, whose display text is rebuilt from the format (core/date-format.ts).
 */
const INITIAL_BYTES_PER_CELL = 30;
/** An empty cell still costs `"",` + `"General",`. */
const MIN_BYTES_PER_CELL = 12;
/** Marked cells whose originals are loaded per sync (each is a proxy and a load in the request). */
const MARK_CELLS_PER_SYNC = 10_000;
/** Address strings passed to `getRanges` stay short: Excel rejects very long ones. */
const MAX_ADDRESS_CHARS = 2_000;

const jsonLength = (v: unknown) => JSON.stringify(v ?? null).length;

export class ExcelWorkbook implements WorkbookPort {
  readonly stats: Record<Operation, OperationStats> = emptyStats();
  private readonly isSetSupported: RequirementCheck;
  private readonly syncBudget: number;
  /** The workbook's date system, asked once (see `readGrid`). */
  private date1904: boolean | undefined;

  constructor(
    private readonly run: ExcelRun = (batch) => Excel.run(batch),
    options: ExcelWorkbookOptions = {},
  ) {
    this.isSetSupported =
      options.isSetSupported ?? ((set, version) => Office.context.requirements.isSetSupported(set, version));
    this.syncBudget = options.syncBudgetBytes ?? 3_800_000;
  }

  resetStats(): void {
    Object.assign(this.stats, emptyStats());
  }

  private supports(version: string): boolean {
    return this.isSetSupported("ExcelApi", version);
  }

  private meter(context: Excel.RequestContext, op: Operation): Meter {
    return new Meter(context, this.stats[op]);
  }

  // -------------------------------------------------------------------------------------
  // listSheets

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) => {
      const m = this.meter(context, "list");
      // Two syncs: the names first, then every sheet's used range and the state. A single
      // sync would need per-sheet proxies before the names are known.
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      await m.sync(() => sheets.items.map((s) => [s.name, s.visibility]));

      const ours = sheets.items.filter((s) => s.name !== STATE_SHEET);
      const used = ours.map((s) => {
        const r = s.getUsedRangeOrNullObject(true);
        r.load("rowCount");
        return r;
      });
      const stateWs = sheets.items.find((s) => s.name === STATE_SHEET);
      const statePromise = stateWs ? readStateOf(stateWs, () => m.sync(() => used.map(rowsOf))) : null;
      if (!statePromise) await m.sync(() => used.map(rowsOf));
      const state = statePromise ? (await statePromise).state : null;
      const generated = new Set(state?.generatedSheets ?? []);

      return ours.map((s, i) => {
        return {
          name: s.name,
          rowCount: rowsOf(used[i]!),
          generated: generated.has(s.name),
          visible: s.visibility === "Visible",
        };
      });
    });
  }

  // -------------------------------------------------------------------------------------
  // readGrid

  async readGrid(sheet: string, options: ReadOptions = {}): Promise<Grid> {
    return this.run(async (context) => {
      const m = this.meter(context, "read");
      const ws = context.workbook.worksheets.getItem(sheet);
      const limit = options.maxRows !== undefined ? Math.max(0, Math.floor(options.maxRows)) : Infinity;

      // First sync: the used range's address, its first rows (a whole ledger of ordinary size),
      // its merged areas and the date system, all at once. getUsedRange (not ...OrNullObject)
      // answers A1 for a blank sheet, so the ranges derived from it never hang off a null object.
      let withProbe = limit > 0;
      let first: FirstRead;
      for (;;) {
        first = this.queueFirstRead(context, ws, limit, withProbe);
        try {
          await m.sync(() => first.response());
          break;
        } catch (e) {
          // Too many columns for the probe's payload (or a used range at the very bottom of the
          // sheet): ask for the address alone, the chunks below then size themselves.
          if (!withProbe) throw e;
          withProbe = false;
        }
      }
      if (first.date) this.date1904 = first.date.value === 0;
      const date1904 = this.date1904 ?? false;

      const area = parseRangeAddress(first.used.address);
      const totalRows = Math.min(area.bottom - area.top + 1, limit);
      const cols = area.right - area.left + 1;
      const bottom = area.top + totalRows - 1;
      const merges =
        first.merged && !first.merged.isNullObject ? splitAreas(first.merged.address).map(parseRangeAddress) : [];

      const values: CellValue[][] = [];
      const text: string[][] = [];
      const formats: string[][] = [];
      const take = (r: Excel.Range): number => {
        r.values.forEach((row, i) => {
          const fmts = (r.numberFormat[i] ?? []).map((f) => String(f ?? "General"));
          const cells = row.map((v, j) => toCellValue(v, fmts[j] ?? "General", date1904));
          values.push(cells);
          text.push(cells.map((v, j) => (v instanceof Date ? formatDate(v, fmts[j] ?? "General") : "")));
          formats.push(fmts);
        });
        return jsonLength(r.values) + jsonLength(r.numberFormat);
      };

      let bytesPerCell = INITIAL_BYTES_PER_CELL;
      let next = area.top;
      if (first.probe && totalRows > 0) {
        const bytes = take(first.probe);
        const rows = first.probe.values.length;
        bytesPerCell = Math.max(bytes / (rows * cols), MIN_BYTES_PER_CELL);
        next += rows;
        options.onProgress?.(next - area.top, totalRows);
      }
      // A blank sheet: Excel's used range is an empty A1.
      if (totalRows === 1 && cols === 1 && values.length === 1 && values[0]![0] === null)
        return { sheet, origin: { row: 1, col: 1 }, values: [], text: [], formats: [], merges: [] };

      while (next <= bottom) {
        const rowsThisSync = Math.min(
          bottom - next + 1,
          Math.max(1, Math.floor(this.syncBudget / bytesPerCell / cols)),
        );
        const chunkRows = Math.max(1, Math.floor(MAX_CELLS_PER_CHUNK / cols));
        const chunks: Excel.Range[] = [];
        for (let top = next; top < next + rowsThisSync; top += chunkRows) {
          const last = Math.min(top + chunkRows - 1, next + rowsThisSync - 1);
          const r = ws.getRange(rectAddress({ top, left: area.left, bottom: last, right: area.right }));
          r.load("values,numberFormat");
          chunks.push(r);
        }
        try {
          await m.sync(() => chunks.map((c) => [c.values, c.numberFormat]));
        } catch (e) {
          // Our estimate was too low for these rows: halve the rows and ask again.
          if (isPayloadTooLarge(e) && rowsThisSync > 1) {
            bytesPerCell *= 2;
            continue;
          }
          throw e;
        }
        let bytes = 0;
        for (const c of chunks) bytes += take(c);
        // Size later syncs by the densest block seen so far.
        bytesPerCell = Math.max(bytesPerCell, bytes / (rowsThisSync * cols));
        next += rowsThisSync;
        options.onProgress?.(next - area.top, totalRows);
      }
      return { sheet, origin: { row: area.top, col: area.left }, values, text, formats, merges };
    });
  }

  private queueFirstRead(
    context: Excel.RequestContext,
    ws: Excel.Worksheet,
    limit: number,
    withProbe: boolean,
  ): FirstRead {
    const used = ws.getUsedRange(true);
    used.load("address");
    const topRows = (n: number) => used.getIntersection(used.getRow(0).getResizedRange(n - 1, 0));
    let probe: Excel.Range | null = null;
    if (withProbe) {
      probe = topRows(Math.min(limit, PROBE_ROWS));
      probe.load("values,numberFormat");
    }
    // Merged areas of the block to be read. Before ExcelApi 1.13 there is no way to list them
    // short of probing cells, so such hosts get none: merged values then sit in their top-left
    // cell only, as the engine sees them in a CSV.
    let merged: Excel.RangeAreas | null = null;
    if (this.supports("1.13")) {
      merged = (Number.isFinite(limit) && limit > 0 ? topRows(limit) : used).getMergedAreasOrNullObject();
      merged.load("address");
    }
    // Office.js has no property for the 1904 date system, but DATE(1904,1,1) tells: it is
    // serial 0 there and 1462 in the 1900 system. No cell is written to ask.
    const date =
      this.date1904 === undefined && this.supports("1.2") ? context.workbook.functions.date(1904, 1, 1) : null;
    date?.load("value");
    return {
      used,
      probe,
      merged,
      date,
      response: () => [
        used.address,
        probe ? [probe.values, probe.numberFormat] : null,
        merged && !merged.isNullObject ? merged.address : null,
        date?.value,
      ],
    };
  }

  // -------------------------------------------------------------------------------------
  // Marks

  async writeMarks(sheet: string, marks: Mark[]): Promise<void> {
    await this.run(async (context) => {
      const m = this.meter(context, "mark");
      const loaded = await loadState(context, () => m.sync());
      const notes = this.supports("1.18");
      const ws = context.workbook.worksheets.getItem(sheet);
      const wanted = marksByCell(marks);
      const old = loaded.state.marks[sheet] ?? {};

      // The originals of newly marked cells, and whether a note sits on every cell we touch
      // (new or to be restored), read per cell in batches: one sync per batch, never per cell.
      const touched = [...new Set([...wanted.keys(), ...Object.keys(old)])];
      const current = await this.loadCells(m, ws, touched, new Set(wanted.keys()), notes);

      const originals: Record<string, OriginalCell> = {};
      const restore: Record<string, OriginalCell> = {};
      for (const addr of wanted.keys()) originals[addr] = old[addr] ?? current.get(addr)!.original(notes);
      for (const [addr, orig] of Object.entries(old)) if (!wanted.has(addr)) restore[addr] = orig;

      const state: MarksState = structuredClone(loaded.state);
      if (wanted.size > 0) state.marks[sheet] = originals;
      else delete state.marks[sheet];
      // State first in the queue: should a later write fail, the originals are already safe.
      m.request += queueSaveState(context, loaded, state);
      m.request += this.queueRestore(ws, restore, current, notes);

      const bySeverity = new Map<Severity, string[]>();
      for (const [addr, mark] of wanted) {
        const list = bySeverity.get(mark.severity) ?? [];
        list.push(addr);
        bySeverity.set(mark.severity, list);
      }
      for (const [severity, addrs] of bySeverity) {
        for (const r of this.rangesFor(ws, addrs)) r.format.fill.color = `#${MARK_FILLS[severity]}`;
        m.request += addrs.length * 12;
      }
      // Notes need ExcelApi 1.18 (worksheet.notes). Without it the cells are only filled; the
      // task pane lists every message anyway.
      if (notes) {
        for (const [addr, mark] of wanted) {
          if (current.get(addr)!.noteExists) ws.notes.getItem(addr).content = mark.note;
          else ws.notes.add(addr, mark.note);
          m.request += jsonLength(mark.note) + addr.length;
        }
      }
      await m.sync();
    });
  }

  async clearMarks(sheet: string): Promise<void> {
    await this.run(async (context) => {
      const m = this.meter(context, "clear");
      const loaded = await loadState(context, () => m.sync());
      const old = loaded.state.marks[sheet];
      if (!old) return;
      const notes = this.supports("1.18");
      // A sheet the user deleted or renamed since: its marks went with it; forget them.
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load("name");
      await m.sync();
      const state: MarksState = structuredClone(loaded.state);
      delete state.marks[sheet];
      if (!ws.isNullObject) {
        const current = notes
          ? await this.loadCells(m, ws, Object.keys(old), new Set(), true)
          : new Map<string, CellNow>();
        m.request += this.queueRestore(ws, old, current, notes);
      }
      m.request += queueSaveState(context, loaded, state);
      await m.sync();
    });
  }

  /**
   * Loads, per cell, the fill (for `fillsOf` cells) and whether a note is there (when notes
   * are supported), MARK_CELLS_PER_SYNC cells per sync.
   */
  private async loadCells(
    m: Meter,
    ws: Excel.Worksheet,
    addrs: string[],
    fillsOf: Set<string>,
    notes: boolean,
  ): Promise<Map<string, CellNow>> {
    const out = new Map<string, CellNow>();
    const patterns = this.supports("1.9");
    for (let i = 0; i < addrs.length; i += MARK_CELLS_PER_SYNC) {
      const batch = addrs.slice(i, i + MARK_CELLS_PER_SYNC);
      const probes = batch.map((addr) => {
        let fill: Excel.RangeFill | null = null;
        if (fillsOf.has(addr)) {
          fill = ws.getRange(addr).format.fill;
          fill.load(patterns ? "color,pattern,patternColor" : "color");
        }
        let note: Excel.Note | null = null;
        if (notes) {
          note = ws.notes.getItemOrNullObject(addr);
          note.load("content");
        }
        return { addr, fill, note };
      });
      m.request += batch.length * 40;
      await m.sync(() =>
        probes.map((p) => [
          p.fill?.color,
          patterns ? p.fill?.pattern : null,
          p.note && !p.note.isNullObject ? p.note.content : null,
        ]),
      );
      for (const p of probes) out.set(p.addr, new CellNow(p.fill, p.note, patterns));
    }
    return out;
  }

  /** Queues fills and notes back to their originals; returns the bytes queued. */
  private queueRestore(
    ws: Excel.Worksheet,
    cells: Record<string, OriginalCell>,
    current: Map<string, CellNow>,
    notes: boolean,
  ): number {
    let bytes = 0;
    const none: string[] = [];
    const byColour = new Map<string, string[]>();
    for (const [addr, orig] of Object.entries(cells)) {
      const raw = orig.raw ?? {};
      if (orig.fill === null) none.push(addr);
      else if (typeof raw.pattern === "string" && raw.pattern !== "Solid") {
        // A patterned fill goes back cell by cell: colour, pattern and pattern colour.
        const fill = ws.getRange(addr).format.fill;
        fill.color = `#${orig.fill}`;
        fill.pattern = raw.pattern as Excel.FillPattern;
        if (typeof raw.patternColor === "string") fill.patternColor = raw.patternColor;
        bytes += 60;
      } else {
        const list = byColour.get(orig.fill) ?? [];
        list.push(addr);
        byColour.set(orig.fill, list);
      }
      if (notes && raw.noteUnknown !== true) {
        const now = current.get(addr);
        if (orig.note === null) {
          if (now?.noteExists) ws.notes.getItem(addr).delete();
        } else if (now?.noteExists) ws.notes.getItem(addr).content = orig.note;
        else ws.notes.add(addr, orig.note);
        bytes += jsonLength(orig.note) + addr.length;
      }
    }
    for (const r of this.rangesFor(ws, none)) r.format.fill.clear();
    for (const [colour, addrs] of byColour)
      for (const r of this.rangesFor(ws, addrs)) r.format.fill.color = `#${colour}`;
    return bytes + Object.keys(cells).length * 12;
  }

  /**
   * Ranges covering the addresses: `getRanges` over capped address lists (ExcelApi 1.9), or
   * one `getRange` per address before that. Either way they are only queued, not synced.
   */
  private rangesFor(ws: Excel.Worksheet, addrs: string[]): (Excel.Range | Excel.RangeAreas)[] {
    if (addrs.length === 0) return [];
    if (!this.supports("1.9")) return addrs.map((a) => ws.getRange(a));
    return joinAddresses(addrs, MAX_ADDRESS_CHARS).map((list) => ws.getRanges(list));
  }

  // -------------------------------------------------------------------------------------
  // writeSheet

  async writeSheet(doc: SheetDocument): Promise<string> {
    return this.run(async (context) => {
      const m = this.meter(context, "bulletin");
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/position");
      await m.sync(() => sheets.items.map((s) => [s.name, s.position]));
      const names = sheets.items.map((s) => s.name);
      const stateWs = sheets.items.find((s) => s.name === STATE_SHEET);
      const loaded: LoadedState = stateWs
        ? await readStateOf(stateWs, () => m.sync())
        : { state: { version: 1, generatedSheets: [], marks: {} }, exists: false, chunkCells: 0 };

      const name = chooseSheetName(doc.name, names, loaded.state.generatedSheets);
      const replaced = names.find((n) => n.toLowerCase() === name.toLowerCase());
      // The new sheet is made under a temporary name first, so that replacing our old sheet
      // never leaves the workbook without a visible sheet, even for a moment.
      const ws = sheets.add(replaced ? temporaryName(names) : name);
      if (replaced) {
        sheets.getItem(replaced).delete();
        ws.name = name;
        // Same place in the tab order as the sheet it replaces.
        ws.position = sheets.items.find((s) => s.name === replaced)!.position;
      }
      m.request += this.queueDocument(ws, doc);

      const state: MarksState = structuredClone(loaded.state);
      // Forget generated sheets the user has since deleted.
      const present = new Set(names.map((n) => n.toLowerCase()));
      state.generatedSheets = [
        ...state.generatedSheets.filter((n) => present.has(n.toLowerCase()) && n.toLowerCase() !== name.toLowerCase()),
        name,
      ];
      m.request += queueSaveState(context, loaded, state);
      ws.activate();
      await m.sync();
      return name;
    });
  }

  /** Queues the whole document onto a new, empty sheet; returns the estimated request bytes. */
  private queueDocument(ws: Excel.Worksheet, doc: SheetDocument): number {
    let bytes = 0;
    let rows = 0;
    let cols = doc.columnWidths.length;
    const areas = new Map<string, Rect[]>();
    const cellRect = (c: DocCell): Rect => ({
      top: c.row,
      left: c.col,
      bottom: c.row + Math.max(1, c.rowSpan ?? 1) - 1,
      right: c.col + Math.max(1, c.colSpan ?? 1) - 1,
    });
    for (const c of doc.cells) {
      if (!doc.styles[c.style])
        throw new Error(`SheetDocument cell ${c.row},${c.col} names unknown style "${c.style}"`);
      const r = cellRect(c);
      rows = Math.max(rows, r.bottom);
      cols = Math.max(cols, r.right);
      const list = areas.get(c.style) ?? [];
      list.push(r);
      areas.set(c.style, list);
    }

    if (rows > 0 && cols > 0) {
      // Text cells get the "@" format BEFORE their values arrive, in the same batch: Excel
      // then stores `=…`, `+…`, `-…`, `@…` and `2025-7-1` as the text they are. An apostrophe
      // prefix would work for typing but not for every value we write (a string that starts
      // with an apostrophe itself would lose it), and "@" is what the .xlsx host writes too.
      const values: (string | number)[][] = Array.from({ length: rows }, () => Array<string | number>(cols).fill(""));
      const formats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill("General"));
      for (const c of doc.cells) {
        const style = doc.styles[c.style]!;
        values[c.row - 1]![c.col - 1] = c.value;
        formats[c.row - 1]![c.col - 1] = style.numberFormat ?? (typeof c.value === "string" ? "@" : "General");
      }
      const BLOCK = 2_000;
      for (let top = 1; top <= rows; top += BLOCK) {
        const bottom = Math.min(rows, top + BLOCK - 1);
        const range = ws.getRange(rectAddress({ top, left: 1, bottom, right: cols }));
        const f = formats.slice(top - 1, bottom);
        const v = values.slice(top - 1, bottom);
        range.numberFormat = f;
        range.values = v;
        bytes += jsonLength(f) + jsonLength(v);
      }
    }

    for (const c of doc.cells) {
      const r = cellRect(c);
      if (r.bottom > r.top || r.right > r.left) ws.getRange(rectAddress(r)).merge(false);
    }
    for (const [styleName, rects] of areas) {
      const style = doc.styles[styleName]!;
      for (const range of this.rangesFor(ws, rects.map(rectAddress))) applyStyle(range.format, style);
      bytes += rects.length * 10 + 200;
    }
    // Column widths come in Excel character units; Office.js wants points. A character of the
    // default font is 7 px plus 5 px of padding per column, and a pixel is 0.75 pt at 96 dpi.
    doc.columnWidths.forEach((w, i) => {
      const letter = columnLetter(i + 1);
      ws.getRange(`${letter}:${letter}`).format.columnWidth = Math.round((w * 7 + 5) * 0.75 * 100) / 100;
    });
    for (const [row, height] of Object.entries(doc.rowHeights)) ws.getRange(`${row}:${row}`).format.rowHeight = height;
    bytes += (doc.columnWidths.length + Object.keys(doc.rowHeights).length) * 30;

    // Page setup needs ExcelApi 1.9; older hosts print with Excel's defaults.
    if (this.supports("1.9")) {
      const page = ws.pageLayout;
      const p = doc.page;
      page.paperSize = "A4";
      page.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
      // One page wide, as many tall as needed (0 = automatic, as fitToHeight=0 in the file format).
      if (p.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      page.setPrintMargins("Inches", { ...p.margins });
      page.centerHorizontally = p.horizontallyCentered ?? false;
      if (rows > 0) page.setPrintArea(`A1:${cellAddress(rows, Math.max(cols, 1))}`);
      if (p.footer) {
        const parts = footerSections(p.footer);
        const hf = page.headersFooters.defaultForAllPages;
        if (parts.left) hf.leftFooter = parts.left;
        if (parts.center) hf.centerFooter = parts.center;
        if (parts.right) hf.rightFooter = parts.right;
      }
      bytes += 300;
    }
    if (this.supports("1.8")) ws.showGridlines = doc.showGridLines;
    return bytes;
  }

  // -------------------------------------------------------------------------------------
  // select

  async select(sheet: string, cell: string): Promise<void> {
    await this.run(async (context) => {
      const m = this.meter(context, "select");
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await m.sync();
    });
  }
}

// ---------------------------------------------------------------------------------------
// Helpers

interface FirstRead {
  used: Excel.Range;
  probe: Excel.Range | null;
  merged: Excel.RangeAreas | null;
  date: Excel.FunctionResult<number> | null;
  response: () => unknown;
}

function emptyStats(): Record<Operation, OperationStats> {
  const z = (): OperationStats => ({ syncs: 0, maxRequestBytes: 0, maxResponseBytes: 0 });
  return { list: z(), read: z(), mark: z(), clear: z(), bulletin: z(), select: z() };
}

/** Counts syncs and the largest request/response of one sync for an operation. */
class Meter {
  /** Estimated bytes queued since the last sync. */
  request = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly stats: OperationStats,
  ) {}
  async sync(response?: () => unknown): Promise<void> {
    const request = this.request;
    this.request = 0;
    this.stats.syncs++;
    this.stats.maxRequestBytes = Math.max(this.stats.maxRequestBytes, request);
    await this.context.sync();
    if (response) this.stats.maxResponseBytes = Math.max(this.stats.maxResponseBytes, jsonLength(response()));
  }
}

/** Rows of a used range, 0 for an empty sheet's null object. */
function rowsOf(r: Excel.Range): number {
  return r.isNullObject ? 0 : r.rowCount;
}

function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") return true;
  return e instanceof Error && /payload size/i.test(e.message);
}

/** What a cell has now, as loaded by `loadCells`. */
class CellNow {
  constructor(
    private readonly fill: Excel.RangeFill | null,
    private readonly note: Excel.Note | null,
    private readonly patterns: boolean,
  ) {}
  get noteExists(): boolean {
    return this.note !== null && !this.note.isNullObject;
  }
  original(notes: boolean): OriginalCell {
    const out: OriginalCell = { fill: null, note: null };
    if (this.fill) {
      const colour = this.fill.color?.replace(/^#/, "").toUpperCase() ?? null;
      if (this.patterns) {
        const pattern = this.fill.pattern;
        if (pattern !== "None" && colour) {
          out.fill = colour;
          if (pattern !== "Solid") out.raw = { pattern, patternColor: this.fill.patternColor };
        }
      } else if (colour && colour !== "FFFFFF") {
        // Before ExcelApi 1.9 "no fill" reads as white; restoring a white fill as none looks the same.
        out.fill = colour;
      }
    }
    if (notes) out.note = this.noteExists ? this.note!.content : null;
    // Without the notes API the cell's note can't be seen: say so, so that a later clear on a
    // host with notes leaves whatever note is there alone instead of deleting it.
    else out.raw = { ...(out.raw ?? {}), noteUnknown: true };
    return out;
  }
}

function temporaryName(existing: string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) if (!taken.has(`ledger-check-tmp-${i}`)) return `ledger-check-tmp-${i}`;
}

/** Splits Excel footer codes `&Lleft&Ccentre&Rright`; text without a section code is centred. */
export function footerSections(footer: string): { left?: string; center?: string; right?: string } {
  if (!/&[LCR]/.test(footer)) return { center: footer };
  const out: { left?: string; center?: string; right?: string } = {};
  const re = /&([LCR])((?:(?!&[LCR]).)*)/gs;
  for (const m of footer.matchAll(re)) {
    const part = m[1] === "L" ? "left" : m[1] === "C" ? "center" : "right";
    out[part] = m[2] ?? "";
  }
  return out;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right", justify: "Justify" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;

function applyStyle(format: Excel.RangeFormat, style: CellStyle): void {
  // Office.js names one font per cell; the fallbacks are for the clerk's documentation.
  format.font.name = style.font.name;
  format.font.size = style.font.size;
  format.font.bold = style.font.bold ?? false;
  if (style.font.color) format.font.color = `#${style.font.color}`;
  if (style.horizontal) format.horizontalAlignment = H_ALIGN[style.horizontal];
  if (style.vertical) format.verticalAlignment = V_ALIGN[style.vertical];
  if (style.wrap) format.wrapText = true;
  if (style.indent) format.indentLevel = style.indent;
  if (style.fill) format.fill.color = `#${style.fill}`;
  if (style.border) {
    for (const edge of EDGES) {
      const b = format.borders.getItem(edge);
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = "#000000";
    }
  }
}
