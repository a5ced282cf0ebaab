import { WorkbookOpenError } from "./errors.js";
import type { Zlib } from "./package.js";
import { DEFAULT_READER_LIMITS, XlsxReader } from "./reader.js";
import { XlsxWorkbook } from "./xlsx-workbook.js";

export { WorkbookOpenError, type WorkbookOpenErrorCode } from "./errors.js";

/**
 * Opens the bytes of a file the clerk picked. Node and browser alike: the caller reads the
 * file. The format is told by its first bytes, the name only breaks ties (CSV has no magic).
 */

export type FileFormat = "xlsx" | "csv" | "xls" | "encrypted" | "unknown";

export function detectFormat(bytes: Uint8Array, fileName: string): FileFormat {
  const ext = extension(fileName);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "xlsx";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // An OLE2 compound file: either a real .xls or an xlsx wrapped by Excel's encryption.
    return containsUtf16(bytes, "EncryptedPackage") ? "encrypted" : "xls";
  }
  if (ext === "csv" || ext === "txt") return "csv";
  return "unknown";
}

export interface OpenOptions {
  /** Native zlib the caller lends (the CLI: Node's); hosts/xlsx uses fflate without it. */
  zlib?: Zlib;
}

export async function openWorkbookFile(
  bytes: Uint8Array,
  fileName: string,
  options: OpenOptions = {},
): Promise<XlsxWorkbook> {
  if (bytes.length === 0) throw new WorkbookOpenError("empty-file");
  const ext = extension(fileName);
  const format = detectFormat(bytes, fileName);
  switch (format) {
    case "xls":
      throw new WorkbookOpenError("xls");
    case "encrypted":
      throw new WorkbookOpenError("encrypted");
    case "csv": {
      // Loaded for a CSV only: its parser is a package of its own, which an .xlsx need not load.
      const { readCsv } = await import("./csv.js");
      try {
        return XlsxWorkbook.fromCsvGrid(readCsv(bytes, csvSheetName(fileName)));
      } catch (e) {
        throw new WorkbookOpenError("corrupt", e);
      }
    }
    case "xlsx": {
      // Zip-based, but not a SpreadsheetML workbook (.xlsm and .xltx are, and read as one).
      if (ext === "xlsb" || ext === "ods" || ext === "numbers") throw new WorkbookOpenError("unsupported");
      let reader: XlsxReader;
      try {
        reader = XlsxReader.open(bytes, DEFAULT_READER_LIMITS, options.zlib);
      } catch (e) {
        throw e instanceof WorkbookOpenError ? e : new WorkbookOpenError("corrupt", e);
      }
      return XlsxWorkbook.fromReader(reader);
    }
    default:
      // Bytes that are neither zip nor OLE2 under an Excel name: damaged (or renamed) files.
      if (ext === "xlsx" || ext === "xlsm" || ext === "xls") throw new WorkbookOpenError("corrupt");
      throw new WorkbookOpenError("unsupported");
  }
}

function extension(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot < 0 ? "" : base.slice(dot + 1).toLowerCase();
}

/** The CSV's sheet is named after the file, within Excel's rules (31 chars, no []:*?/\). */
export function csvSheetName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  const stem = (dot > 0 ? base.slice(0, dot) : base).replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "");
  const name = [...stem].slice(0, 31).join("").trim();
  return name === "" ? "Sheet1" : name;
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const n = text.length * 2;
  outer: for (let i = 0; i + n <= bytes.length; i++) {
    for (let k = 0; k < text.length; k++) {
      if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}
