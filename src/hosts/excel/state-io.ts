/// <reference types="office-js" />
import { decodeState, encodeState, STATE_SHEET, type MarksState } from "../../core/marks-state.js";

/**
 * Reading and writing the marks state (core/marks-state.ts) in its veryHidden sheet through
 * Office.js. The chunks sit in column A, one per cell, formatted as text so Excel never
 * reinterprets the JSON.
 */

export interface LoadedState {
  state: MarksState;
  /** Whether the state sheet exists (so a save must not add it again). */
  exists: boolean;
  /** How many chunk cells the sheet holds now (a save blanks the ones it no longer needs). */
  chunkCells: number;
}

type Sync = () => Promise<void>;

/**
 * Two syncs when the state sheet exists, one when it doesn't: its existence must be known
 * before anything is asked of it, because calling into a null object is not something to
 * rely on across Excel hosts.
 */
export async function loadState(context: Excel.RequestContext, sync: Sync): Promise<LoadedState> {
  const ws = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
  ws.load("name");
  await sync();
  if (ws.isNullObject) return { state: decodeState([]), exists: false, chunkCells: 0 };
  return readStateOf(ws, sync);
}

/** One sync, for callers that already know the state sheet exists. */
export async function readStateOf(ws: Excel.Worksheet, sync: Sync): Promise<LoadedState> {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values,rowIndex,columnIndex");
  await sync();
  if (used.isNullObject) return { state: decodeState([]), exists: true, chunkCells: 0 };
  // Column A only: anything a curious user typed elsewhere is not ours.
  const chunks = used.columnIndex === 0 ? used.values.map((row) => String(row[0] ?? "")) : [];
  const leading = used.rowIndex;
  return { state: decodeState(chunks), exists: true, chunkCells: leading + chunks.length };
}

/**
 * Queues the state write (no sync): adds the veryHidden sheet when needed, and removes it when
 * there is nothing left to keep (as the .xlsx host does). Returns the bytes queued.
 */
export function queueSaveState(context: Excel.RequestContext, loaded: LoadedState, state: MarksState): number {
  if (state.generatedSheets.length === 0 && Object.keys(state.marks).length === 0) {
    if (loaded.exists) context.workbook.worksheets.getItem(STATE_SHEET).delete();
    return 0;
  }
  const ws = loaded.exists
    ? context.workbook.worksheets.getItem(STATE_SHEET)
    : context.workbook.worksheets.add(STATE_SHEET);
  if (!loaded.exists) ws.visibility = "VeryHidden";
  const chunks = encodeState(state);
  const n = Math.max(chunks.length, loaded.chunkCells);
  const values = Array.from({ length: n }, (_, i) => [chunks[i] ?? ""]);
  const range = ws.getRange(`A1:A${n}`);
  range.numberFormat = values.map(() => ["@"]);
  range.values = values;
  return JSON.stringify(values).length;
}
