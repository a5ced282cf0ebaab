import type { Snapshot } from "../../core/progress/snapshot.js";
import type { Grid } from "../../core/grid.js";
import type { SheetDocument } from "../../core/sheet-document.js";
import type { Mark, MarksWritten, ReadOptions, SheetInfo, WorkbookPort } from "../workbook.js";
import { blankPackage, gridSheetXml } from "./blank-package.js";
import { XlsxReader, type PartSource } from "./reader.js";
import type { XlsxState } from "./state-part.js";
import { XlsxWriter } from "./xlsx-writer.js";

/**
 * The workbook port on an .xlsx file or on a CSV file. Reading goes through the reader; every
 * write goes to the patching writer (xlsx-writer.ts), which works on the original bytes, so the
 * copy keeps everything the clerk's file holds. A CSV workbook has one sheet; as soon as
 * something is written it becomes an xlsx holding the CSV data as text (the CSV file itself is
 * never modified: toBuffer always gives xlsx bytes).
 */
export class XlsxWorkbook implements WorkbookPort {
  /** The streaming reader on the original package (for a CSV, on the package made for writing). */
  private reader: XlsxReader | null;
  private readonly csv: Grid | null;
  private writerInstance: XlsxWriter | null = null;

  private constructor(reader: XlsxReader | null, csv: Grid | null) {
    this.reader = reader;
    this.csv = csv;
  }

  /** An .xlsx file: the reader on its package; the copy is written on the same package (no second unzip). */
  static fromReader(reader: XlsxReader): XlsxWorkbook {
    return new XlsxWorkbook(reader, null);
  }

  /** A one-sheet workbook over a CSV grid (string values, no merges). */
  static fromCsvGrid(grid: Grid): XlsxWorkbook {
    return new XlsxWorkbook(null, grid);
  }

  /** "csv" when opened from a CSV file (its bytes can't be saved back as CSV). */
  get source(): "xlsx" | "csv" {
    return this.csv ? "csv" : "xlsx";
  }

  /**
   * The extension the marked copy must carry: it keeps the workbook's content type, and Excel
   * refuses a file whose extension does not match it ("the file format or file extension is not
   * valid"): a macro-enabled workbook stays .xlsm, a template .xltx or .xltm.
   */
  get copyExtension(): "xlsx" | "xlsm" | "xltx" | "xltm" {
    if (this.csv || !this.reader) return "xlsx";
    const pkg = this.reader.pkg;
    const type = pkg.contentType(pkg.workbook.part) ?? "";
    const template = /\.template\./.test(type);
    const macros = /macroEnabled/i.test(type);
    return template ? (macros ? "xltm" : "xltx") : macros ? "xlsm" : "xlsx";
  }

  /** The patching writer, on the file's bytes (or, for a CSV, on a new package holding its data). */
  private get writer(): XlsxWriter {
    if (!this.writerInstance) {
      if (this.reader) {
        const reader = this.reader;
        this.writerInstance = new XlsxWriter(reader.pkg, { gridOf: (part) => reader.readPart(part, part) });
      } else {
        // A CSV's package is new: the sheets written into it are read through a reader of its own.
        const bytes = blankPackage([{ name: this.csv!.sheet, xml: gridSheetXml(this.csv!) }]);
        this.writerInstance = new XlsxWriter(bytes);
        this.reader = XlsxReader.open(bytes);
      }
    }
    return this.writerInstance;
  }

  async listSheets(): Promise<SheetInfo[]> {
    if (!this.writerInstance && this.csv) {
      const g = this.csv;
      return [{ name: g.sheet, rowCount: g.values.length, generated: false, visible: true }];
    }
    const generated = new Set(this.writer.generatedNames());
    const state = this.writer.stateSheetName;
    return this.writer
      .sheets()
      .filter((s) => s.name !== state)
      .map((s) => ({
        name: s.name,
        rowCount: this.rowCount(s.name),
        generated: generated.has(s.name),
        visible: s.state === "visible",
      }));
  }

  private rowCount(name: string): number {
    if (this.csv && name === this.csv.sheet) return this.csv.values.length;
    const w = this.writer;
    const entry = w.sheets().find((s) => s.name === name);
    if (!entry?.part) return 0;
    // A sheet this session wrote is read from the copy; the others from the original.
    if (!w.pkg.changed(entry.part)) return this.reader!.rowCountOf(entry.part);
    return this.reader!.readPart(entry.part, name, {}, this.copySource()).values.length;
  }

  async readGrid(sheet: string, options?: ReadOptions): Promise<Grid> {
    if (this.csv && sheet === this.csv.sheet) return csvSlice(this.csv, options);
    const w = this.writer;
    const sheets = w.sheets().filter((s) => s.name !== w.stateSheetName);
    // Excel compares sheet names without regard to case.
    const entry =
      sheets.find((s) => s.name === sheet) ?? sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    if (!entry?.part) throw new Error(`no sheet named "${sheet}"`);
    const source = w.pkg.changed(entry.part) ? this.copySource() : undefined;
    return this.reader!.readPart(entry.part, entry.name, options, source);
  }

  /** The copy's parts, for the reader to read the sheets this session changed or made. */
  private copySource(): PartSource {
    const pkg = this.writer.pkg;
    return { chunks: (part) => [pkg.bytes(part) ?? new Uint8Array(0)] };
  }

  async writeMarks(sheet: string, marks: Mark[], snapshot?: Snapshot): Promise<MarksWritten> {
    if (snapshot) this.writer.setSnapshot(snapshot);
    return { unfilled: this.writer.writeMarks(sheet, marks) };
  }

  async clearMarks(sheet: string): Promise<void> {
    if (!this.writerInstance && this.csv) return;
    this.writer.clearMarks(sheet);
  }

  async writeSheet(doc: SheetDocument): Promise<string> {
    return this.writer.writeSheet(doc);
  }

  /** Each in turn; the first (the bulletin) is left the active tab, as the Excel host leaves it. */
  async writeSheets(docs: SheetDocument[]): Promise<string[]> {
    const names = docs.map((d) => this.writer.writeSheet(d));
    if (names.length > 1) this.writer.select(names[0]!, "A1");
    return names;
  }

  async readSnapshot(): Promise<Snapshot | null> {
    if (!this.writerInstance && this.csv) return null;
    return this.writer.snapshot;
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.writer.select(sheet, cell);
  }

  /** The copy as .xlsx bytes: the original package with our changes (a CSV source becomes an xlsx). */
  async toBuffer(): Promise<Uint8Array> {
    return this.writer.toBytes();
  }

  /** The state as it stands (for tests and diagnostics). */
  get marksState(): XlsxState {
    return this.writer.xlsxState;
  }

  /** Whether the file held a state of ours that was edited by hand (ignored, and replaced on save). */
  get stateTampered(): boolean {
    return this.writer.tampered;
  }
}

function csvSlice(grid: Grid, options: ReadOptions = {}): Grid {
  const total = grid.values.length;
  const n = options.maxRows !== undefined ? Math.min(total, Math.max(0, Math.floor(options.maxRows))) : total;
  options.onProgress?.(n, n);
  return n === total ? grid : { ...grid, values: grid.values.slice(0, n) };
}
