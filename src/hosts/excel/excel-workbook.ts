/// <reference types="office-js" />
import type { Grid } from "../../core/grid.js";
import type { SheetDocument } from "../../core/sheet-document.js";
import type { Mark, ReadOptions, SheetInfo, WorkbookPort } from "../workbook.js";
import {
  detectCapabilities,
  officeLibrary,
  officeRequirements,
  type ExcelCapabilities,
  type LibraryCheck,
  type RequirementCheck,
} from "./capabilities.js";
import * as marks from "./marks.js";
import * as read from "./read-grid.js";
import type { Snapshot } from "../../core/progress/snapshot.js";
import { writeSheets } from "./render-sheet.js";
import { queueStateLookup, readCachedSnapshot, readState, type StateCache } from "./state.js";
import {
  emptyStats,
  officeJsMeter,
  runSession,
  type ExcelRun,
  type Operation,
  type OperationStats,
  type RequestMeter,
  type Session,
} from "./session.js";

export { footerSections } from "./render-sheet.js";
export type { ExcelCapabilities } from "./capabilities.js";
export type { ExcelRun, Operation, OperationStats, RequestMeter } from "./session.js";

/**
 * The Office.js host: the port implemented on Excel's own object model, one module per seam as
 * in hosts/xlsx (read-grid, marks, render-sheet; state and request metering beside them). Every
 * call batches: loads and writes are queued and sent in few `context.sync()` round trips, each
 * sized by the request Office.js really builds (session.ts). `stats` counts the round trips and
 * payloads so the bench and the tests can hold the host to that.
 */

export interface ExcelWorkbookOptions {
  /** `Office.context.requirements.isSetSupported`, injectable for tests. */
  isSetSupported?: RequirementCheck;
  /** Whether the loaded Office.js library defines a member (the npm package lacks notes). */
  libraryHas?: LibraryCheck;
  /** Measures the pending request; Office.js's own serializer by default. */
  meter?: RequestMeter;
}

export class ExcelWorkbook implements WorkbookPort {
  readonly stats: Record<Operation, OperationStats> = emptyStats();
  private readonly meter: RequestMeter;
  private readonly isSetSupported: RequirementCheck;
  private readonly libraryHas: LibraryCheck;
  private caps: ExcelCapabilities | undefined;
  /** The marks state as last read or written (state.ts). */
  private readonly stateCache: StateCache = {};
  /** The first read listSheets made ahead of readGrid (read-grid.ts). */
  private readonly prefetch: { value?: read.Prefetch } = {};
  /** The workbook's date system, asked once (see read-grid.ts). */
  private readonly dateSystem: { date1904?: boolean } = {};

  constructor(
    private readonly run: ExcelRun = (options, batch) => Excel.run(options, batch),
    options: ExcelWorkbookOptions = {},
  ) {
    this.isSetSupported = options.isSetSupported ?? officeRequirements;
    this.libraryHas = options.libraryHas ?? officeLibrary;
    this.meter = options.meter ?? officeJsMeter;
  }

  /**
   * Which Office APIs this Excel offers (requirement sets and the loaded library together).
   * The pane asks this, never Office itself.
   */
  get capabilities(): ExcelCapabilities {
    return (this.caps ??= detectCapabilities(this.isSetSupported, this.libraryHas));
  }

  resetStats(): void {
    Object.assign(this.stats, emptyStats());
  }

  private session<T>(op: Operation, batch: (s: Session) => Promise<T>): Promise<T> {
    return runSession(this.run, this.stats[op], this.meter, batch);
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.session("list", (s) =>
      read.listSheets(s, this.capabilities, this.stateCache, this.prefetch, this.dateSystem),
    );
  }

  readGrid(sheet: string, options: ReadOptions = {}): Promise<Grid> {
    return this.session("read", (s) =>
      read.readGrid(s, this.capabilities, sheet, options, this.dateSystem, this.prefetch, this.stateCache),
    );
  }

  writeMarks(sheet: string, list: Mark[], snapshot?: Snapshot): Promise<void> {
    return this.session("mark", (s) => marks.writeMarks(s, this.capabilities, this.stateCache, sheet, list, snapshot));
  }

  clearMarks(sheet: string): Promise<void> {
    return this.session("clear", (s) => marks.clearMarks(s, this.capabilities, this.stateCache, sheet));
  }

  async writeSheet(doc: SheetDocument): Promise<string> {
    return (await this.writeSheets([doc]))[0]!;
  }

  writeSheets(docs: SheetDocument[]): Promise<string[]> {
    return this.session("bulletin", (s) => writeSheets(s, this.capabilities, this.stateCache, docs));
  }

  /**
   * No sync right after a read confirmed the cached state (state.ts readCachedSnapshot); else one
   * (the state's lookup), the parts themselves from the cache listSheets filled when they match.
   */
  readSnapshot(): Promise<Snapshot | null> {
    const cached = readCachedSnapshot(this.stateCache);
    if (cached !== undefined) return Promise.resolve(cached);
    return this.session("snapshot", async (s) => {
      const lookup = queueStateLookup(s.context, this.capabilities);
      await s.sync();
      return (await readState(s, lookup, this.stateCache)).state.snapshot ?? null;
    });
  }

  select(sheet: string, cell: string): Promise<void> {
    return this.session("select", async (s) => {
      const ws = s.context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await s.sync();
    });
  }
}
