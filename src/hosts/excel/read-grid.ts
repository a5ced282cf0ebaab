/// <reference types="office-js" />
import { formatDate } from "../../core/number-format.js";
import type { CellValue, Grid } from "../../core/grid.js";
import { STATE_SHEET } from "../../core/marks-state.js";
import type { ReadOptions, SheetInfo } from "../workbook.js";
import { parseRangeAddress, rectAddress, splitAreas, type Rect } from "./address.js";
import type { ExcelCapabilities } from "./capabilities.js";
import { mayBeDate, toCellValue } from "./cell-values.js";
import { jsonBytes, PAYLOAD_LIMIT, type Session } from "./session.js";
import { confirmState, queueStateLookup, readState, type StateCache, type StateLookup } from "./state.js";

/**
 * Reading: the sheet list and a sheet's grid (values, number formats, merged areas), in few
 * syncs. Requests here are small (addresses and loads); what must stay under Excel on the web's
 * 5 MB is the response, so chunks are sized by the bytes the first rows really weighed.
 */

/** Rows × columns per loaded range: a chunk stays well under Excel's per-request cell limits. */
const MAX_CELLS_PER_CHUNK = 100_000;
/** Rows read with the used range's address in the first sync: most ledgers fit whole. */
const PROBE_ROWS = 8_000;
/** Target response of one read sync, under PAYLOAD_LIMIT with room for the JSON around it. */
const RESPONSE_BUDGET = PAYLOAD_LIMIT - 150_000;
/**
 * Cells per merged-area query. getMergedAreasOrNullObject fails when its range holds more than
 * 512 merged areas, and returns only those whose top-left cell lies in the range (Range
 * reference; office-js#3611). Tiles of at most 512 cells can't hold more than 512 top-left
 * cells, and every merge has its top-left cell in exactly one tile: the tiles together return
 * every merge once.
 */
const MERGE_TILE_CELLS = 512;
/**
 * Office.js reports the system short date (built-in format 14) as `m/d/yyyy` whatever the
 * locale (office-js#229, #2824); the clerks' Chinese Excel shows it as `2025/6/30`.
 */
const OFFICE_JS_SHORT_DATE = "m/d/yyyy";
const SHORT_DATE_SHOWN = "yyyy/m/d";

/**
 * The first read of a sheet, queued by listSheets when the workbook has one visible sheet (the
 * one the job will read whole next): its used range, first rows and date system come back with
 * the sheet list, and readGrid, called moments later, starts from them. Kept for
 * PREFETCH_MS only, and for one read.
 */
export interface Prefetch {
  sheet: string;
  first: FirstRead;
  at: number;
}
const PREFETCH_MS = 5_000;

export async function listSheets(
  s: Session,
  caps: ExcelCapabilities,
  cache: StateCache,
  prefetch: { value?: Prefetch },
  dateSystem: { date1904?: boolean },
): Promise<SheetInfo[]> {
  // Two syncs: the names (and where the state is) first, then every sheet's used range and the
  // state itself. A single sync would need per-sheet proxies before the names are known.
  const sheets = s.context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const lookup = queueStateLookup(s.context, caps);
  await s.sync(() => sheets.items.map((x) => [x.name, x.visibility]));

  const ours = sheets.items.filter((x) => x.name !== STATE_SHEET);
  const used = ours.map((x) => {
    const r = x.getUsedRangeOrNullObject(true);
    r.load("rowCount");
    return r;
  });
  const visible = ours.filter((x) => x.visibility === "Visible");
  prefetch.value = undefined;
  let first: FirstRead | null = null;
  if (ours.length === 1 && visible.length === 1)
    first = queueFirstRead(s.context, visible[0]!, Infinity, true, caps, dateSystem.date1904 === undefined);
  // The used ranges ride on the state's sync (one is made even when there is no state to read).
  const { state } = await readState(s, lookup, cache, true);
  if (first) prefetch.value = { sheet: visible[0]!.name, first, at: Date.now() };
  const generated = new Set(state.generatedSheets);
  return ours.map((x, i) => ({
    name: x.name,
    rowCount: rowsOf(used[i]!),
    generated: generated.has(x.name),
    visible: x.visibility === "Visible",
  }));
}

interface FirstRead {
  used: Excel.Range;
  probe: Excel.Range | null;
  date: Excel.FunctionResult<number> | null;
}

export async function readGrid(
  s: Session,
  caps: ExcelCapabilities,
  sheet: string,
  options: ReadOptions,
  dateSystem: { date1904?: boolean },
  prefetch: { value?: Prefetch } = {},
  cache: StateCache = {},
): Promise<Grid> {
  const ws = s.context.workbook.worksheets.getItem(sheet);
  const limit = options.maxRows !== undefined ? Math.max(0, Math.floor(options.maxRows)) : Infinity;
  const ready = prefetch.value;
  prefetch.value = undefined;
  const usable = ready && ready.sheet === sheet && limit === Infinity && Date.now() - ready.at < PREFETCH_MS;

  // First sync: the used range's address, its first rows (a whole ledger of ordinary size) and
  // the date system. getUsedRange (not ...OrNullObject) answers A1 for a blank sheet.
  let withProbe = limit > 0;
  let first: FirstRead = usable ? ready.first : (undefined as unknown as FirstRead);
  for (; !usable;) {
    first = queueFirstRead(s.context, ws, limit, withProbe, caps, dateSystem.date1904 === undefined);
    try {
      await s.sync(() => [first.used.address, first.probe ? [first.probe.values, first.probe.numberFormat] : null]);
      break;
    } catch (e) {
      // Too many columns for the probe's payload: ask for the address alone, chunks size themselves.
      if (!withProbe) throw e;
      withProbe = false;
    }
  }
  if (first.date) dateSystem.date1904 = first.date.value === 0;
  const date1904 = dateSystem.date1904 ?? false;

  const area = parseRangeAddress(first.used.address);
  const totalRows = Math.min(area.bottom - area.top + 1, limit);
  const cols = area.right - area.left + 1;
  const bottom = area.top + totalRows - 1;

  const values: CellValue[][] = [];
  const text: string[][] = [];
  const formats: string[][] = [];
  // Weights of the response from the densest block seen so far, in bytes per cell: all of a cell
  // (value and number format), its value alone, and the formats of number cells loaded on their
  // own spread over all cells; and in bytes per number cell, such a format.
  const weight = { full: 0, value: 0, numberShare: 0, numberFormat: 0 };
  const setFormat = (i: number, j: number, format: string) => {
    const v = toCellValue(values[i]![j], format, date1904);
    values[i]![j] = v;
    if (v instanceof Date) text[i]![j] = dateText(v, format);
    formats[i]![j] = format;
  };
  const take = (r: Excel.Range, withFormats: boolean) => {
    const from = values.length;
    for (const row of r.values) {
      values.push(row.map((v) => toCellValue(v, "General", date1904)));
      text.push(Array<string>(row.length).fill(""));
      formats.push(Array<string>(row.length));
    }
    const cells = r.values.length * cols;
    if (cells === 0) return;
    const valueBytes = jsonBytes(r.values);
    weight.value = Math.max(weight.value, valueBytes / cells);
    if (!withFormats) return;
    // What a number cell's format weighs as a one-column load (`["yyyy\"年\"m\"月\"d\"日\""],`).
    let numbers = 0;
    let numberBytes = 0;
    r.numberFormat.forEach((row, i) =>
      row.forEach((f, j) => {
        const format = String(f ?? "General");
        formats[from + i]![j] = format;
        if (!mayBeDate(r.values[i]![j])) return;
        numbers++;
        numberBytes += jsonBytes(format) + 3;
        setFormat(from + i, j, format);
      }),
    );
    weight.full = Math.max(weight.full, (valueBytes + jsonBytes(r.numberFormat)) / cells);
    weight.numberShare = Math.max(weight.numberShare, numberBytes / cells);
    if (numbers > 0) weight.numberFormat = Math.max(weight.numberFormat, numberBytes / numbers);
  };

  let next = area.top;
  if (first.probe && totalRows > 0) {
    take(first.probe, true);
    next += first.probe.values.length;
    options.onProgress?.(next - area.top, totalRows);
  }
  // A blank sheet: Excel's used range is an empty A1.
  if (totalRows === 1 && cols === 1 && values.length === 1 && values[0]![0] === null)
    return { sheet, origin: { row: 1, col: 1 }, values: [], text: [], formats: [], merges: [] };

  // The merged areas go with the next sync, tile by tile (see MERGE_TILE_CELLS). Before
  // ExcelApi 1.13 there is no way to list them short of probing cells, so such hosts get none:
  // merged values then sit in their top-left cell only, as the engine sees them in a CSV.
  const mergeQueries: Excel.RangeAreas[] = [];
  if (caps.mergedAreas && totalRows > 0) {
    for (const tile of tiles({ ...area, bottom }, MERGE_TILE_CELLS)) {
      const m = ws.getRange(rectAddress(tile)).getMergedAreasOrNullObject();
      m.load("address");
      mergeQueries.push(m);
    }
  }

  // A whole read also looks the marks state up on its first sync, so that the snapshot the job
  // asks for next comes from the cache without a round trip (state.ts readCachedSnapshot).
  let lookup: StateLookup | null = null;
  let pendingMerges = mergeQueries.length > 0;
  // A number format matters only to a number (it may make it a date): past the first rows, a
  // block's values come alone and the formats of its number cells follow with the next block,
  // where that weighs clearly less than every cell's format (a sheet of few number columns).
  let numberCells: FormatRun[] = [];
  let owedBlockCells = 0;
  while (next <= bottom || pendingMerges || numberCells.length > 0) {
    const ask: StateLookup | null = limit === Infinity && lookup === null ? queueStateLookup(s.context, caps) : null;
    const owed = numberCells.reduce((n, run) => n + run.rows, 0) * Math.max(weight.numberFormat, MIN_FORMAT_BYTES);
    const room = Math.max(RESPONSE_BUDGET - owed, RESPONSE_BUDGET / 4);
    const remaining = next > bottom ? 0 : bottom - next + 1;
    // Without a probe, the first block is one row, values and formats: it tells what a row weighs.
    // The last block comes whole when it fits, so no sync is left to make for its formats.
    const splitPays = weight.numberShare < 0.8 * (weight.full - weight.value);
    const whole = remaining > 0 && (weight.full === 0 || !splitPays || remaining * cols * weight.full <= room);
    // A block of values alone is kept small enough that its formats take at most half the next sync.
    const valuesRows = Math.min(
      Math.floor(room / (cols * weight.value)),
      Math.floor(RESPONSE_BUDGET / 2 / (cols * Math.max(weight.numberShare, 1))),
    );
    const rowsThisSync =
      remaining === 0
        ? 0
        : weight.full === 0
          ? 1
          : Math.min(remaining, Math.max(1, whole ? Math.floor(room / (cols * weight.full)) : valuesRows));
    const chunkRows = Math.max(1, Math.floor(MAX_CELLS_PER_CHUNK / cols));
    const chunks: Excel.Range[] = [];
    for (let top = next; top < next + rowsThisSync; top += chunkRows) {
      const last = Math.min(top + chunkRows - 1, next + rowsThisSync - 1);
      const r = ws.getRange(rectAddress({ top, left: area.left, bottom: last, right: area.right }));
      if (whole) r.load("values,numberFormat");
      else r.load("values");
      chunks.push(r);
    }
    const owedRanges = numberCells.map((run) => {
      const r = ws.getRange(
        rectAddress({
          top: area.top + run.row,
          left: area.left + run.col,
          bottom: area.top + run.row + run.rows - 1,
          right: area.left + run.col,
        }),
      );
      r.load("numberFormat");
      return r;
    });
    try {
      await s.sync(() => [
        chunks.map((c) => (whole ? [c.values, c.numberFormat] : c.values)),
        owedRanges.map((r) => r.numberFormat),
      ]);
    } catch (e) {
      // The rows weighed more than the first ones: halve the rows and ask again.
      if (isPayloadTooLarge(e) && rowsThisSync > 1) {
        weight.full *= 2;
        weight.value *= 2;
        weight.numberShare *= 2;
        if (pendingMerges) for (const m of mergeQueries) m.load("address");
        continue;
      }
      throw e;
    }
    pendingMerges = false;
    if (ask) confirmState((lookup = ask), cache);
    let owedCells = 0;
    let owedBytes = 0;
    numberCells.forEach((run, k) => {
      const got = owedRanges[k]!.numberFormat;
      for (let i = 0; i < run.rows; i++)
        if (mayBeDate(values[run.row + i]![run.col])) setFormat(run.row + i, run.col, String(got[i]?.[0] ?? "General"));
      owedCells += run.rows;
      owedBytes += jsonBytes(got);
    });
    if (owedCells > 0) {
      weight.numberFormat = Math.max(weight.numberFormat, owedBytes / owedCells);
      weight.numberShare = Math.max(weight.numberShare, owedBytes / owedBlockCells);
    }
    const from = values.length;
    for (const c of chunks) take(c, whole);
    numberCells = whole ? [] : numberRuns(values, from);
    owedBlockCells = rowsThisSync * cols;
    next += rowsThisSync;
    if (rowsThisSync > 0) options.onProgress?.(next - area.top, totalRows);
  }

  const merges: Rect[] = [];
  for (const m of mergeQueries)
    if (!m.isNullObject) for (const a of splitAreas(m.address)) merges.push(parseRangeAddress(a));
  // The date system read by the probe: a number that lost its date format is read by it (rows.ts).
  return {
    sheet,
    origin: { row: area.top, col: area.left },
    values,
    text,
    formats,
    merges,
    ...(date1904 ? { date1904: true } : {}),
  };
}

/** A column's run of number cells, rows counted from the grid's first. */
interface FormatRun {
  col: number;
  row: number;
  rows: number;
}

/** Bytes a number cell's format is taken to weigh before one was seen (`["General"],`). */
const MIN_FORMAT_BYTES = 12;

/** Runs of one column past which its number cells are asked as one span (a request per run). */
const MAX_RUNS_PER_COLUMN = 32;

/**
 * The runs of number cells (the only ones a format can make dates) in rows `from`… of the grid,
 * column by column; a column whose numbers are scattered is asked as one span from its first to
 * its last (the formats of the other cells in it are read and not used).
 */
export function numberRuns(values: CellValue[][], from: number): FormatRun[] {
  const byColumn = new Map<number, FormatRun[]>();
  for (let i = from; i < values.length; i++) {
    const row = values[i]!;
    for (let j = 0; j < row.length; j++) {
      if (!mayBeDate(row[j])) continue;
      const runs = byColumn.get(j) ?? [];
      const last = runs[runs.length - 1];
      if (last && last.row + last.rows === i) last.rows++;
      else runs.push({ col: j, row: i, rows: 1 });
      byColumn.set(j, runs);
    }
  }
  const out: FormatRun[] = [];
  for (const [col, runs] of byColumn) {
    if (runs.length <= MAX_RUNS_PER_COLUMN) out.push(...runs);
    else {
      const last = runs[runs.length - 1]!;
      out.push({ col, row: runs[0]!.row, rows: last.row + last.rows - runs[0]!.row });
    }
  }
  return out;
}

function queueFirstRead(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  limit: number,
  withProbe: boolean,
  caps: ExcelCapabilities,
  askDateSystem: boolean,
): FirstRead {
  const used = ws.getUsedRange(true);
  used.load("address");
  let probe: Excel.Range | null = null;
  if (withProbe) {
    probe = used.getIntersection(used.getRow(0).getResizedRange(Math.min(limit, PROBE_ROWS) - 1, 0));
    probe.load("values,numberFormat");
  }
  // Office.js has no property for the 1904 date system, but DATE(1904,1,1) tells: it is
  // serial 0 there and 1462 in the 1900 system. No cell is written to ask.
  const date = askDateSystem && caps.functions ? context.workbook.functions.date(1904, 1, 1) : null;
  date?.load("value");
  return { used, probe, date };
}

/** Display text of a date cell, as Excel shows it (see OFFICE_JS_SHORT_DATE). */
export function dateText(d: Date, format: string): string {
  return formatDate(d, format === OFFICE_JS_SHORT_DATE ? SHORT_DATE_SHOWN : format);
}

/** Rectangles of at most `cells` cells covering `area`, row bands first. */
export function tiles(area: Rect, cells: number): Rect[] {
  const cols = area.right - area.left + 1;
  const width = Math.min(cols, cells);
  const height = Math.max(1, Math.floor(cells / width));
  const out: Rect[] = [];
  for (let top = area.top; top <= area.bottom; top += height)
    for (let left = area.left; left <= area.right; left += width)
      out.push({
        top,
        left,
        bottom: Math.min(area.bottom, top + height - 1),
        right: Math.min(area.right, left + width - 1),
      });
  return out;
}

/** Rows of a used range, 0 for an empty sheet's null object. */
function rowsOf(r: Excel.Range): number {
  return r.isNullObject ? 0 : r.rowCount;
}

export function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") return true;
  return e instanceof Error && /payload size/i.test(e.message);
}
