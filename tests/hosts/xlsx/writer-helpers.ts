import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { unzipSync } from "fflate";
import type { SheetDocument } from "../../../src/core/sheet-document.js";

/**
 * Test support for the patching writer: what real programs (openpyxl, LibreOffice) make of the
 * copies, and the package's parts for byte comparisons.
 */

export const FIXTURES = new URL("../../fixtures/writers/", import.meta.url).pathname;
const INSPECT = join(FIXTURES, "dump_xlsx.py");

export interface Inspected {
  file: string;
  illFormed: string[];
  /** The sheet the workbook opens on (openpyxl's wb.active: the workbook view's activeTab). */
  active: string | null;
  sheets: Record<
    string,
    {
      state: string;
      /** The sheet view's tabSelected. */
      selected: boolean;
      cells: Record<string, { v?: [string, unknown]; fill?: [string, string]; note?: string }>;
    }
  >;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "lc-writer-"));
}

export function writeTemp(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** openpyxl's view of the files (Debian's python3-openpyxl under /usr/bin/python3). */
export function inspect(files: string[], dataOnly = false): Inspected[] {
  const out = execFileSync("/usr/bin/python3", [INSPECT, ...(dataOnly ? ["--data-only"] : []), ...files], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString("utf8")) as Inspected[];
}

/** LibreOffice opens each file and saves it again as .xlsx (one soffice run for all); returns the new paths. */
export function libreofficeResave(files: string[], outDir: string): string[] {
  execFileSync("soffice", ["--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, ...files], {
    stdio: "ignore",
    env: { ...process.env, HOME: outDir },
    timeout: 180_000,
  });
  // An .xlsm comes back as .xlsx: the filter names its output by the format it writes.
  return files.map((f) => join(outDir, basename(f).replace(/\.\w+$/, ".xlsx")));
}

/** The package's parts by name (folder entries, which some zip writers add, are not parts). */
export function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).filter(([name]) => !name.endsWith("/")));
}

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export function text(bytes: Uint8Array | undefined): string {
  return bytes ? new TextDecoder().decode(bytes) : "";
}

/** A worksheet part with cell style attributes and empty styled cells taken out: what is left is values and structure. */
export function withoutStyles(sheetXml: string): string {
  return sheetXml
    .replace(/<(\w+:)?c\b([^>]*?)\/>/g, (tag, _p, attrs: string) =>
      /^\s*r="[A-Z]+\d+"(\s+s="\d+")?\s*$/.test(attrs) ? "" : tag,
    )
    .replace(/(<(?:\w+:)?c\b[^>]*?)\ss="\d+"/g, "$1");
}

export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A one-cell bulletin sheet, as the layout would hand the writer one. */
export function bulletin(body: string, name = "整改通报"): SheetDocument {
  return {
    name,
    columnWidths: [80],
    rowHeights: {},
    styles: { body: { font: { name: "仿宋_GB2312", size: 16 } } },
    cells: [{ row: 1, col: 1, value: body, style: "body" }],
    page: {
      paperSize: "A4",
      orientation: "portrait",
      fitToWidth: true,
      margins: { top: 1, bottom: 1, left: 1, right: 1, header: 0.5, footer: 0.5 },
    },
    showGridLines: false,
  };
}
