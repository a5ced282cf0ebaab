import { describe, expect, it } from "vitest";
import { BENCH_SHEET, benchLedgerRows } from "../../../bench/excel-host.js";
import { MARK_FILLS } from "../../../src/hosts/workbook.js";
import { ExcelWorkbook } from "../../../src/hosts/excel/excel-workbook.js";
import { STATE_NAMESPACE } from "../../../src/hosts/excel/state.js";
import { FakeExcel } from "../../support/excel-fake.js";
import { stateOf } from "./state-of.js";

/**
 * The marks state in custom XML parts (state.ts), as two add-in instances share it. The fake keeps
 * a part's id through setXml, as CustomXmlPart.setXml does (ExcelApi 1.5 reference: it sets the
 * XML of the part, the part stays); a cache keyed by ids alone would then miss another
 * instance's save.
 */
const host = (excel: FakeExcel) => new ExcelWorkbook(excel.run, excel.hostOptions);

function ledger(): FakeExcel {
  const excel = new FakeExcel();
  excel.seed(BENCH_SHEET, "A1", benchLedgerRows(20));
  return excel;
}

describe("the marks state shared by two instances", () => {
  it("clears the marks another instance made since this one last read the state", async () => {
    const excel = ledger();
    const mine = host(excel);
    await mine.writeMarks(BENCH_SHEET, [{ row: 3, col: 5, severity: "error", note: "时限已过" }]);
    // A second pane (another window on the same workbook) marks a later check's cells.
    await host(excel).writeMarks(BENCH_SHEET, [{ row: 4, col: 6, severity: "warning", note: "缺少措施" }]);
    expect(excel.fillOf(BENCH_SHEET, "F4")).toBe(MARK_FILLS.warning);

    await mine.clearMarks(BENCH_SHEET);
    expect(excel.fillOf(BENCH_SHEET, "F4")).toBeNull();
    expect(excel.sheet(BENCH_SHEET).notes.has("F4")).toBe(false);
    expect((await stateOf(excel)).marks).toEqual({});
  });

  it("reads the newest complete save: a save cut off before the old parts went, or before all its parts came", async () => {
    const excel = ledger();
    const wb = host(excel);
    await wb.writeMarks(BENCH_SHEET, [{ row: 3, col: 5, severity: "error", note: "一" }]);
    const first = excel.xmlParts.map((p) => ({ ...p }));
    await wb.writeMarks(BENCH_SHEET, [{ row: 4, col: 5, severity: "error", note: "二" }]);
    const second = excel.xmlParts.map((p) => ({ ...p }));
    expect(second.map((p) => p.id)).not.toContain(first[0]!.id);

    // Both saves in the workbook: the second is read.
    excel.xmlParts.splice(0, excel.xmlParts.length, ...first, ...second);
    expect(Object.keys((await stateOf(excel)).marks[BENCH_SHEET]!)).toEqual(["E4"]);
    // The second save's parts incomplete (one of two): the first, whole, is read.
    const half = second[0]!.xml.replace(/ of="1"/, ' of="2"');
    excel.xmlParts.splice(0, excel.xmlParts.length, ...first, { ...second[0]!, xml: half });
    expect(Object.keys((await stateOf(excel)).marks[BENCH_SHEET]!)).toEqual(["E3"]);
    // Parts written before saves were named (no save attribute) still read.
    const unnamed = first.map((p) => ({ ...p, xml: p.xml.replace(/ save="[^"]*"/, "") }));
    excel.xmlParts.splice(0, excel.xmlParts.length, ...unnamed);
    expect(unnamed[0]!.xml).toContain(`xmlns="${STATE_NAMESPACE}"`);
    expect(Object.keys((await stateOf(excel)).marks[BENCH_SHEET]!)).toEqual(["E3"]);
  });
});
