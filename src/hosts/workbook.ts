import type { Grid } from "../core/grid.js";
import type { Mark } from "../core/marks.js";
import type { Snapshot } from "../core/progress/snapshot.js";
import type { SheetDocument } from "../core/sheet-document.js";

export { MARK_FILLS, type Mark } from "../core/marks.js";

/**
 * The port: everything the engine and the UI need from a workbook, and nothing more.
 * Implemented by hosts/xlsx (exceljs: CLI, browser preview, tests) and hosts/excel
 * (Office.js inside Excel). Hosts translate; they hold no ledger logic.
 */

export interface SheetInfo {
  name: string;
  /** Rows of the used range (0 for an empty sheet). */
  rowCount: number;
  /** True for sheets ledger-check generated (the bulletin); never a ledger candidate. */
  generated: boolean;
  visible: boolean;
}

export interface ReadOptions {
  /** Read only the first rows (sheet detection needs the top of each sheet). */
  maxRows?: number;
  /** Called as chunks arrive: rows read so far and rows in all. */
  onProgress?: (done: number, total: number) => void;
}

/** What a host could not do of the marks it was given (nothing, when it returns nothing). */
export interface MarksWritten {
  /** Cells marked with a note but no fill (an .xlsx at Excel's limit of cell formats). */
  unfilled: number;
}

export interface WorkbookPort {
  listSheets(): Promise<SheetInfo[]>;
  readGrid(sheet: string, options?: ReadOptions): Promise<Grid>;
  /**
   * Fills and annotates the cells, first recording each cell's original fill and note in
   * the workbook so that clearMarks can restore them exactly, even in a later session.
   * Replaces marks made earlier on that sheet. Never writes a cell's value. The snapshot of the
   * check that found them (core/progress) is kept with them in the same state, in the same write.
   */
  writeMarks(sheet: string, marks: Mark[], snapshot?: Snapshot): Promise<MarksWritten | void>;
  /** Restores the fills and notes recorded by writeMarks; a no-op when there are none. */
  clearMarks(sheet: string): Promise<void>;
  /**
   * Writes generated sheets, in Excel in one batch with one state save. Replaces a sheet
   * ledger-check made before under a document's name; never replaces a sheet of the user's (picks
   * `name (2)` …). The first is left in front. Returns the names used, in order.
   */
  writeSheets(docs: SheetDocument[]): Promise<string[]>;
  /**
   * The snapshot the last marking check left in the workbook's state, or null. Optional: a
   * host without one reports progress only from `--previous`.
   */
  readSnapshot?(): Promise<Snapshot | null>;
  /** Brings the sheet forward and selects the cell (`H12`). */
  select(sheet: string, cell: string): Promise<void>;
}
