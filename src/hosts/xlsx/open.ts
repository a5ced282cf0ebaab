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
  // A CSV saved under an Excel name (renamed, or exported so by a business system) is read as what it is.
  if ((ext === "xlsx" || ext === "xlsm" || ext === "xls") && textKind(bytes) === "csv") return "csv";
  return "unknown";
}

/**
 * What a file that is neither zip nor OLE2 holds, told by its first 4 KB: a web page's table or
 * an Excel 2003 XML workbook (what business systems export as "Excel"), delimited text, or
 * neither. Text has no NUL byte and almost no other control character.
 */
export function textKind(bytes: Uint8Array): "html" | "xml2003" | "csv" | null {
  const head = bytes.subarray(0, 4096);
  let controls = 0;
  for (const b of head) {
    if (b === 0) return null;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) controls++;
  }
  if (controls > head.length / 100) return null;
  const text = new TextDecoder()
    .decode(head)
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (/^<\?xml[^>]*>\s*(?:<\?mso-application[^>]*>\s*)?<(?:ss:)?workbook\b/.test(text)) return "xml2003";
  if (
    /^<(?:!doctype html|html|head|body|meta|table|style)\b/.test(text) ||
    (text.startsWith("<") && /<table\b/.test(text))
  )
    return "html";
  // A header line with a delimiter: ledger headers are several fields.
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  return /[,\t]/.test(firstLine) && !text.startsWith("<") && !text.startsWith("%pdf") ? "csv" : null;
}

const TEXT_KIND_NAMES = {
  html: { zh: "网页（HTML）表格", en: "a web page (HTML) table" },
  xml2003: { zh: "Excel 2003 XML 表格", en: "an Excel 2003 XML spreadsheet" },
} as const;

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
    default: {
      // Bytes that are neither zip nor OLE2 under an Excel name: a web table or 2003 XML named so,
      // else damaged (or renamed) files.
      const kind = textKind(bytes);
      if (kind === "html" || kind === "xml2003")
        throw new WorkbookOpenError("disguised-file", undefined, { ext: ext || "?", kind: TEXT_KIND_NAMES[kind] });
      if (ext === "xlsx" || ext === "xlsm" || ext === "xls") throw new WorkbookOpenError("corrupt");
      throw new WorkbookOpenError("unsupported");
    }
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
