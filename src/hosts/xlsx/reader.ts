import type { Grid } from "../../core/grid.js";
import type { ReadOptions } from "../workbook.js";
import { WorkbookOpenError } from "./errors.js";
import { DEFAULT_LIMITS, Package, type PackageLimits, type WorkbookSheet, type Zlib } from "./package.js";
import { concatBytes } from "./bytes.js";
import { canonicalXml, UnusualXml, utf16Of, xmlText } from "./canonical-xml.js";
import { DEFAULT_SCAN_LIMITS, scanSheet, type ScanLimits, type SheetScan } from "./sheet-scan.js";
import { readSharedStrings } from "./shared-strings.js";
import { readCellFormats, type CellFormats } from "./styles-read.js";

/**
 * The .xlsx reader: what the engine needs of a package (sheet list and visibility, and per
 * sheet its values, date texts and formats, merged areas) read straight from the parts, without
 * exceljs. Shared strings and styles are read once, on the first grid; a sheet's part is
 * inflated and scanned per read (a read of the first rows stops early), never held as a DOM.
 */

export interface ReaderLimits {
  package: PackageLimits;
  scan: ScanLimits;
}

/** Where a sheet part's inflated bytes come from. */
export interface PartSource {
  chunks(part: string): Iterable<Uint8Array>;
}

export const DEFAULT_READER_LIMITS: ReaderLimits = { package: DEFAULT_LIMITS, scan: DEFAULT_SCAN_LIMITS };

export class XlsxReader {
  private sharedStrings: string[] | undefined;
  private cellFormats: CellFormats | undefined;
  private readonly rowCounts = new Map<string, number>();

  private constructor(
    readonly pkg: Package,
    private readonly limits: ReaderLimits,
  ) {}

  /** Opens a package and reads its workbook part; throws WorkbookOpenError for what is not a workbook. */
  static open(bytes: Uint8Array, limits: ReaderLimits = DEFAULT_READER_LIMITS, zlib: Zlib = {}): XlsxReader {
    const reader = new XlsxReader(Package.open(bytes, limits.package, zlib), limits);
    const wb = reader.pkg.workbook;
    // A zip without worksheets (a renamed .zip, a truncated download) is not a workbook.
    if (!wb.sheets.some((s) => s.kind === "worksheet" && s.part !== undefined && reader.pkg.has(s.part))) {
      throw new WorkbookOpenError("corrupt", new Error("no worksheet in the package"));
    }
    return reader;
  }

  get date1904(): boolean {
    return this.pkg.workbook.date1904;
  }

  /** The workbook's sheets in tab order: worksheets only (chartsheets and dialogs hold no cells). */
  sheets(): WorkbookSheet[] {
    return this.pkg.workbook.sheets.filter(
      (s) => s.kind === "worksheet" && s.part !== undefined && this.pkg.has(s.part),
    );
  }

  sheet(name: string): WorkbookSheet | undefined {
    const all = this.sheets();
    // Excel compares sheet names without regard to case.
    return all.find((s) => s.name === name) ?? all.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Rows of the used range: the part's `<dimension>` when it spans more than one cell, else counted. */
  rowCount(name: string): number {
    return this.rowCountOf(this.require(name).part!);
  }

  rowCountOf(part: string): number {
    const cached = this.rowCounts.get(part);
    if (cached !== undefined) return cached;
    const n = dimensionHint(this.pkg, part) ?? this.readPart(part, part).values.length;
    this.rowCounts.set(part, n);
    return n;
  }

  readGrid(name: string, options: ReadOptions = {}): Grid {
    const sheet = this.require(name);
    return this.readPart(sheet.part!, sheet.name, options);
  }

  /**
   * A worksheet part as a Grid; `source` gives the part's bytes when they are not the original's
   * (a sheet the writer made in this session: inline strings, styles appended, so the original's
   * shared strings and formats still hold).
   */
  readPart(part: string, sheetName: string, options: ReadOptions = {}, source: PartSource = this.pkg): Grid {
    const maxRows = options.maxRows !== undefined ? Math.max(0, Math.floor(options.maxRows)) : Infinity;
    let scan: SheetScan;
    try {
      scan = this.scan(source.chunks(part), maxRows, options, false);
    } catch (e) {
      if (!(e instanceof UnusualXml)) throw e;
      // XML the scanner does not read as it comes (canonical-xml.ts): the part whole, rewritten.
      const text = canonicalXml(xmlText(concatBytes([...source.chunks(part)])));
      scan = this.scan([new TextEncoder().encode(text)], maxRows, options, true);
    }
    if (maxRows === Infinity && source === this.pkg) this.rowCounts.set(part, scan.values.length);
    return {
      sheet: sheetName,
      origin: { row: 1, col: 1 },
      values: scan.values,
      text: scan.text,
      formats: scan.formats,
      merges: scan.merges,
      ...(scan.hiddenRows.length > 0 ? { hiddenRows: scan.hiddenRows } : {}),
      ...(scan.hiddenColumns.length > 0 ? { hiddenColumns: scan.hiddenColumns } : {}),
      ...(this.date1904 ? { date1904: true } : {}),
    };
  }

  private scan(chunks: Iterable<Uint8Array>, maxRows: number, options: ReadOptions, canonical: boolean): SheetScan {
    return scanSheet({
      canonical,
      chunks: utf16Checked(chunks),
      strings: this.strings(),
      formats: this.formats(),
      date1904: this.date1904,
      maxRows,
      limits: this.limits.scan,
      onProgress: options.onProgress,
      ...(this.pkg.zlib.decodeUtf8 ? { decodeUtf8: this.pkg.zlib.decodeUtf8 } : {}),
      ...(this.pkg.zlib.latin1 ? { latin1: this.pkg.zlib.latin1 } : {}),
    });
  }

  private strings(): string[] {
    if (this.sharedStrings === undefined) {
      const part = this.pkg.workbook.sharedStrings;
      this.sharedStrings = readSharedStrings(part === undefined ? undefined : this.pkg.text(part));
    }
    return this.sharedStrings;
  }

  private formats(): CellFormats {
    if (this.cellFormats === undefined) {
      const part = this.pkg.workbook.styles;
      this.cellFormats = readCellFormats(part === undefined ? undefined : this.pkg.text(part));
    }
    return this.cellFormats;
  }

  private require(name: string): WorkbookSheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet named "${name}"`);
    return s;
  }
}

/**
 * The bottom row of a part's `<dimension ref>`, read from its first inflated piece; undefined
 * when absent or a single cell (`A1` is also what writers put for an empty sheet).
 */
function dimensionHint(pkg: Package, part: string): number | undefined {
  let head = "";
  const decoder = new TextDecoder("utf-8");
  // Only the head is inflated and decoded: the sheet's whole part is inflated again when read.
  outer: for (const chunk of pkg.chunks(part, { whole: false })) {
    for (let i = 0; i < chunk.length; i += 65_536) {
      head += decoder.decode(chunk.subarray(i, i + 65_536), { stream: true });
      if (head.includes("sheetData") || head.length > 1_000_000) break outer;
    }
  }
  const m = /<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*\bref\s*=\s*["']([A-Za-z]*)(\d+)(?::([A-Za-z]*)(\d+))?["']/.exec(
    head,
  );
  // One cell (`A1`, or `A1:A1` as exceljs writes for an empty sheet) says nothing: count instead.
  if (!m || m[4] === undefined || (m[1]!.toUpperCase() === m[3]!.toUpperCase() && m[2] === m[4])) return undefined;
  const bottom = Number(m[4]);
  return bottom > 0 ? bottom : undefined;
}

/** The pieces of a part, refused for the scanner (UnusualXml) when they are UTF-16: the scanner reads UTF-8. */
function* utf16Checked(chunks: Iterable<Uint8Array>): Iterable<Uint8Array> {
  let first = true;
  for (const c of chunks) {
    if (first && utf16Of(c)) throw new UnusualXml();
    first = false;
    yield c;
  }
}
