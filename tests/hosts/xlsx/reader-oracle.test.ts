import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import "../../support/exceljs/linear-merge.js";
import { readGrid as readWithExcelJS } from "../../support/exceljs/read-grid.js";
import { XlsxReader } from "../../../src/hosts/xlsx/reader.js";

/**
 * The reader against exceljs's reading as the oracle (in tests only): random grids written by
 * exceljs, read back by both, give the same Grid — values, date texts and formats, merged areas.
 * Dates are whole seconds (exceljs rounds serials to the millisecond its own way) and formula
 * results are not dates (exceljs leaves those as serials), nor 0 (exceljs loses a cached 0). Texts hold no `_xHHHH_` sequence:
 * exceljs writes it unescaped and reads it undecoded, where Excel reads it as the escaped character
 * (ECMA-376 Part 1 §22.9.2.19); reader.test.ts pins the decoding.
 */

type Cell = { kind: "empty" } | { kind: "value"; value: ExcelJS.CellValue; numFmt?: string };

const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => /^[\x20-\x7e]+$/.test(s) && s.trim() === s),
  fc.constantFrom("整改措施", "已完成", "正在推进", "王建国", "a&b<c>\"d'", "2025年6月底", "长期坚持"),
);

const date = fc
  .integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 })
  .map((s) => new Date(s * 1000));

const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Cell>({ kind: "empty" }) },
  { weight: 4, arbitrary: text.map<Cell>((value) => ({ kind: "value", value })) },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 100000 }).map<Cell>((value) => ({ kind: "value", value })) },
  {
    weight: 1,
    arbitrary: fc
      .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
      .map<Cell>((value) => ({ kind: "value", value })),
  },
  { weight: 1, arbitrary: fc.boolean().map<Cell>((value) => ({ kind: "value", value })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(date, fc.constantFrom("yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "mm-dd-yy", "yyyy/m/d h:mm"))
      .map<Cell>(([value, numFmt]) => ({ kind: "value", value, numFmt })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom("#N/A", "#REF!", "#DIV/0!", "#VALUE!")
      .map<Cell>((e) => ({ kind: "value", value: { error: e } as ExcelJS.CellErrorValue })),
  },
  {
    weight: 1,
    arbitrary: fc
      // Not 0: exceljs writes `<f>A1</f><v>0</v>` but reads the cell back as `{ formula }` with the
      // result gone, so the oracle would call it empty (seen with seed -804164980). The reader's
      // answer, the cached 0, is pinned in reader.test.ts.
      .oneof(text, fc.integer({ min: 1, max: 999 }))
      .map<Cell>((result) => ({ kind: "value", value: { formula: "A1", result } as ExcelJS.CellFormulaValue })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(text, text).map<Cell>(([a, b]) => ({
      kind: "value",
      value: { richText: [{ text: a, font: { bold: true } }, { text: b }] },
    })),
  },
  {
    weight: 1,
    arbitrary: text.map<Cell>((t) => ({ kind: "value", value: { text: t, hyperlink: "https://example.cn/x" } })),
  },
);

const sheet = fc.record({
  rows: fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 9 }),
  merges: fc.array(
    fc.record({
      top: fc.integer({ min: 1, max: 9 }),
      left: fc.integer({ min: 1, max: 7 }),
      h: fc.integer({ min: 0, max: 2 }),
      w: fc.integer({ min: 0, max: 2 }),
    }),
    { maxLength: 3 },
  ),
});

interface Spec {
  rows: Cell[][];
  merges: { top: number; left: number; h: number; w: number }[];
}

async function build(spec: Spec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  spec.rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c.kind === "empty") return;
      const cellRef = ws.getCell(r + 1, col + 1);
      cellRef.value = c.value;
      if (c.numFmt) cellRef.numFmt = c.numFmt;
    }),
  );
  const taken = new Set<string>();
  for (const m of spec.merges) {
    const cells: string[] = [];
    for (let r = m.top; r <= m.top + m.h; r++) for (let c = m.left; c <= m.left + m.w; c++) cells.push(`${r},${c}`);
    if (cells.length < 2 || cells.some((k) => taken.has(k))) continue;
    cells.forEach((k) => taken.add(k));
    ws.mergeCells(m.top, m.left, m.top + m.h, m.left + m.w);
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

describe("XlsxReader vs exceljs (oracle)", () => {
  it("reads random grids as exceljs does", async () => {
    await fc.assert(
      fc.asyncProperty(sheet, async (spec) => {
        const bytes = await build(spec);
        const oracleBook = new ExcelJS.Workbook();
        await oracleBook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
        const expected = readWithExcelJS(oracleBook.getWorksheet("台账")!);
        const actual = XlsxReader.open(bytes).readGrid("台账");
        expect(actual.values).toEqual(expected.values);
        expect(actual.text).toEqual(expected.text);
        expect(actual.formats).toEqual(expected.formats);
        expect(actual.merges).toEqual(expected.merges);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
