import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../src/app/check-workbook.js";
import { makeConfig } from "../../../src/core/config.js";
import type { Grid } from "../../../src/core/grid.js";
import type { WorkbookPort } from "../../../src/hosts/workbook.js";
import { openWorkbookFile } from "../../../src/hosts/xlsx/open.js";
import { XlsxReader } from "../../../src/hosts/xlsx/reader.js";

/**
 * The reader on real writers' files (tests/fixtures/writers/read, made by make-read-fixtures.py
 * with Debian's openpyxl 3.0 and xlsxwriter 3.0 and LibreOffice): each holds the sample ledger
 * plus one thing such writers put in or around a ledger, and the check must find exactly what it
 * finds on the sample itself. openpyxl's absolute relationship targets are what exceljs fails on
 * (issue 10; exceljs issue #1453, "Cannot read properties of undefined (reading 'comments')").
 */

const DIR = join(import.meta.dirname, "../../fixtures/writers/read");
const SAMPLE = join(import.meta.dirname, "../../../samples/sample-ledger.xlsx");
const CONFIG = makeConfig({ today: "2025-07-01" });

async function findings(bytes: Uint8Array, name: string): Promise<unknown> {
  const result = await checkWorkbook(readerPort(XlsxReader.open(bytes)), CONFIG, undefined, name);
  const r = result.report;
  return { sheet: r.sheet, summary: r.summary, findings: r.findings, notices: r.notices };
}

const FIXTURES: [file: string, what: string][] = [
  ["op-plain.xlsx", "openpyxl, nothing added (inline strings, numeric character references)"],
  ["op-notes.xlsx", "openpyxl notes (absolute targets to comments and VML)"],
  ["op-chart.xlsx", "a 汇总 sheet with a bar chart, first in the tab order"],
  ["op-validation.xlsx", "data validation, one over the whole sheet (A1:XFD1048576)"],
  ["op-cf-names.xlsx", "conditional formats, defined names and a print area"],
  ["op-table.xlsx", "an Excel table on a second sheet"],
  ["op-hidden.xlsx", "hidden and very hidden sheets with a ledger header"],
  ["op-1904.xlsx", "the 1904 date system (openpyxl)"],
  ["xw-1904.xlsx", "the 1904 date system (xlsxwriter)"],
  ["op-iso-dates.xlsx", 'dates stored as ISO text (t="d")'],
  ["op-hyperlink.xlsx", "=HYPERLINK(…) problems without cached results"],
  ["lo-hyperlink.xlsx", "=HYPERLINK(…) problems with LibreOffice's cached results"],
  ["lo-resaved.xlsx", "the sample re-saved by LibreOffice"],
  ["lo-shared-formulas.xlsx", "a filled-down formula column stored as one shared formula"],
  ["op-no-r.xlsx", "rows and cells without the optional r attribute"],
  ["xw-plain.xlsx", "xlsxwriter, nothing added (shared strings)"],
  ["xw-richtext.xlsx", "problems and measures as rich text"],
  ["xw-inline.xlsx", "xlsxwriter's constant-memory mode (inline strings)"],
  ["xw-image.xlsx", "an image and a note (xlsxwriter)"],
];

describe("reading real writers' files", () => {
  it("has the plain file's findings to compare with, and they are not empty", async () => {
    const plain = (await findings(new Uint8Array(readFileSync(SAMPLE)), "sample-ledger.xlsx")) as {
      findings: unknown[];
    };
    expect(plain.findings.length).toBeGreaterThan(5);
  });

  it.each(FIXTURES)("%s (%s): the same findings as the sample", async (file) => {
    const expected = await findings(new Uint8Array(readFileSync(SAMPLE)), "sample-ledger.xlsx");
    const actual = await findings(new Uint8Array(readFileSync(join(DIR, file))), file);
    expect(actual).toEqual(expected);
  });

  it.each(FIXTURES)("%s: the host (openWorkbookFile) finds the same as the reader alone", async (file) => {
    const bytes = new Uint8Array(readFileSync(join(DIR, file)));
    const viaHost = await checkWorkbook(await openWorkbookFile(bytes, file), CONFIG, undefined, file);
    const alone = await checkWorkbook(readerPort(XlsxReader.open(bytes)), CONFIG, undefined, file);
    expect(viaHost.report.findings).toEqual(alone.report.findings);
    expect(viaHost.report.summary).toEqual(alone.report.summary);
  });

  it("reads the values of the sample from every fixture (text of each ledger cell)", () => {
    const sample = ledgerText(XlsxReader.open(new Uint8Array(readFileSync(SAMPLE))));
    for (const [file] of FIXTURES) {
      const grid = ledgerText(XlsxReader.open(new Uint8Array(readFileSync(join(DIR, file)))));
      // Column L of the formula fixture is the extra formula column; the rest is the sample.
      expect(
        grid.map((r) => r.slice(0, 11)),
        file,
      ).toEqual(sample);
    }
  });

  it("lists the hidden and very hidden sheets with their visibility", () => {
    const reader = XlsxReader.open(new Uint8Array(readFileSync(join(DIR, "op-hidden.xlsx"))));
    expect(reader.sheets().map((s) => [s.name, s.state])).toEqual([
      ["整改台账", "visible"],
      ["填报说明", "visible"],
      ["隐藏", "hidden"],
      ["很隐藏", "veryHidden"],
    ]);
  });
});

/** The read half of the port on the reader alone (these files are never written here). */
function readerPort(reader: XlsxReader): WorkbookPort {
  const refuse = (): never => {
    throw new Error("read only");
  };
  return {
    listSheets: async () =>
      reader.sheets().map((s) => ({
        name: s.name,
        rowCount: reader.rowCount(s.name),
        generated: false,
        visible: s.state === "visible",
      })),
    readGrid: async (sheet, options) => reader.readGrid(sheet, options),
    writeMarks: async () => refuse(),
    clearMarks: async () => refuse(),
    writeSheets: async () => refuse(),
    select: async () => refuse(),
  };
}

/** Each ledger cell as the clerk reads it: strings, numbers, and dates as ISO days. */
function ledgerText(reader: XlsxReader): string[][] {
  const g: Grid = reader.readGrid("整改台账");
  return g.values.map((row) =>
    Array.from({ length: 11 }, (_, c) => {
      const v = row[c] ?? null;
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      return v === null ? "" : typeof v === "object" ? v.error : String(v);
    }),
  );
}
