import { describe, expect, it } from "vitest";
import { STATE_SHEET } from "../../../src/core/marks-state.js";
import { stateOf } from "./state-of.js";
import { ExcelWorkbook } from "../../../src/hosts/excel/excel-workbook.js";
import { MARK_FILLS, type Mark } from "../../../src/hosts/workbook.js";
import { BENCH_SHEET, benchLedgerRows, benchMarks } from "../../../bench/excel-host.js";
import { FakeExcel } from "../../support/excel-fake.js";

function ledger(rows: number, api = "1.18"): FakeExcel {
  const excel = new FakeExcel({ api });
  excel.seed(BENCH_SHEET, "A1", benchLedgerRows(rows));
  // E3: the clerk's own green fill; E4: a patterned fill; E5: a note of the clerk's.
  excel.cell(BENCH_SHEET, "E3")!.fill = { color: "#00B050", pattern: "Solid" };
  excel.cell(BENCH_SHEET, "E4")!.fill = { color: "#FFFF00", pattern: "Gray25", patternColor: "#FF0000" };
  excel.sheet(BENCH_SHEET).notes.set("E5", "请核实");
  return excel;
}

const host = (excel: FakeExcel) => new ExcelWorkbook(excel.run, excel.hostOptions);

function snapshot(excel: FakeExcel) {
  const s = excel.sheet(BENCH_SHEET);
  return {
    values: [...s.cells].map(([k, c]) => [k, c.value, c.numberFormat]),
    fills: [...s.cells].map(([k, c]) => [k, c.fill ? { ...c.fill } : null]),
    notes: [...s.notes],
  };
}

describe("ExcelWorkbook marks", () => {
  it("keeps what the clerk adds to a marked cell's note and takes exactly ours out", async () => {
    const excel = ledger(20);
    const wb = host(excel);
    await wb.writeMarks(BENCH_SHEET, [{ row: 5, col: 5, severity: "error", note: "时限已过" }]);
    expect(excel.sheet(BENCH_SHEET).notes.get("E5")).toBe("请核实\n【整改台账校验】时限已过");
    // The clerk edits their part above ours; a re-check with the same finding sends no note.
    excel.sheet(BENCH_SHEET).notes.set("E5", "请核实（已电话催办）\n【整改台账校验】时限已过");
    await wb.writeMarks(BENCH_SHEET, [{ row: 5, col: 5, severity: "error", note: "时限已过" }]);
    expect(excel.sheet(BENCH_SHEET).notes.get("E5")).toBe("请核实（已电话催办）\n【整改台账校验】时限已过");
    await wb.clearMarks(BENCH_SHEET);
    expect(excel.sheet(BENCH_SHEET).notes.get("E5")).toBe("请核实（已电话催办）");
  });

  it("marks 5,000 cells in a constant number of syncs, never writing a value", async () => {
    const excel = ledger(5_000);
    const before = snapshot(excel);
    const wb = host(excel);
    const start = excel.syncCount;
    await wb.writeMarks(BENCH_SHEET, benchMarks(5_000, 5_000));
    const first = excel.syncCount - start;
    expect(first).toBeLessThanOrEqual(4); // no state yet · originals · writes (one more if the request is full)

    expect(excel.fillOf(BENCH_SHEET, "E3")).toBe(MARK_FILLS.error);
    expect(excel.fillOf(BENCH_SHEET, "E4")).toBe(MARK_FILLS.warning);
    expect(excel.fillOf(BENCH_SHEET, "E5")).toBe(MARK_FILLS.info);
    expect(excel.sheet(BENCH_SHEET).notes.get("E3")).toBe("【整改台账校验】第1项：整改时限已过，仍未完成");
    // The clerk's note stays, ours below it (core mergeNote).
    expect(excel.sheet(BENCH_SHEET).notes.get("E5")).toBe("请核实\n【整改台账校验】第3项：整改时限已过，仍未完成");
    expect(snapshot(excel).values).toEqual(before.values);
    // The state lives in a custom XML part: no sheet added, hidden or deleted, the undo stack kept.
    expect(excel.findSheet(STATE_SHEET)).toBeUndefined();
    expect(excel.undoWipes).toBe(0);
    expect(Object.keys((await stateOf(excel)).marks[BENCH_SHEET]!).length).toBe(5_000);
    for (const s of excel.syncLog.slice(start)) {
      expect(s.requestBytes).toBeLessThan(4_000_000);
      expect(s.responseBytes).toBeLessThan(4_000_000);
    }

    // Marking again (state now exists) costs one more sync, however many marks.
    const small = ledger(5_000);
    await host(small).writeMarks(BENCH_SHEET, benchMarks(5_000, 50));
    const s0 = small.syncCount;
    await host(small).writeMarks(BENCH_SHEET, benchMarks(5_000, 50));
    const s1 = excel.syncCount;
    await wb.writeMarks(BENCH_SHEET, benchMarks(5_000, 5_000));
    expect(excel.syncCount - s1).toBeLessThanOrEqual(small.syncCount - s0 + 2);
    expect(excel.syncCount - s1).toBeLessThanOrEqual(6);
  });

  it("clearMarks restores fills (including none and patterns) and notes exactly", async () => {
    const excel = ledger(200);
    const before = snapshot(excel);
    const wb = host(excel);
    await wb.writeMarks(BENCH_SHEET, benchMarks(200, 300));
    expect(snapshot(excel).fills).not.toEqual(before.fills);
    const start = excel.syncCount;
    await wb.clearMarks(BENCH_SHEET);
    expect(excel.syncCount - start).toBeLessThanOrEqual(4); // lookup · state · cells · writes
    const after = snapshot(excel);
    // Cells that had no fill are back to none (a cell entry with no fill, as fill.clear() leaves it).
    expect(after.fills.filter(([, f]) => f !== null)).toEqual(before.fills.filter(([, f]) => f !== null));
    expect(after.notes).toEqual(before.notes);
    expect(after.values).toEqual(before.values);
    expect(excel.fillOf(BENCH_SHEET, "F3")).toBeNull();
    // Nothing left to keep: the state's parts go; no sheet was ever made.
    expect(excel.xmlParts).toEqual([]);
    expect(excel.findSheet(STATE_SHEET)).toBeUndefined();
  });

  it("replaces earlier marks: cells no longer marked get their originals back", async () => {
    const excel = ledger(20);
    const wb = host(excel);
    const mark = (row: number, severity: Mark["severity"]): Mark => ({ row, col: 5, severity, note: `行${row}` });
    await wb.writeMarks(BENCH_SHEET, [mark(3, "error"), mark(6, "error")]);
    await wb.writeMarks(BENCH_SHEET, [mark(3, "warning"), mark(7, "info")]);
    expect(excel.fillOf(BENCH_SHEET, "E3")).toBe(MARK_FILLS.warning);
    expect(excel.fillOf(BENCH_SHEET, "E6")).toBeNull();
    expect(excel.sheet(BENCH_SHEET).notes.has("E6")).toBe(false);
    expect(excel.fillOf(BENCH_SHEET, "E7")).toBe(MARK_FILLS.info);
    // E3's original stays the clerk's green, not our earlier red.
    expect((await stateOf(excel)).marks[BENCH_SHEET]).toMatchObject({
      E3: { fill: "00B050", note: null, raw: { m: MARK_FILLS.warning } },
      E7: { fill: null, note: null, raw: { m: MARK_FILLS.info } },
    });
    expect(Object.keys((await stateOf(excel)).marks[BENCH_SHEET]!)).toEqual(["E3", "E7"]);
    await wb.clearMarks(BENCH_SHEET);
    expect(excel.fillOf(BENCH_SHEET, "E3")).toBe("00B050");
    expect(excel.fillOf(BENCH_SHEET, "E7")).toBeNull();
  });

  it("merges several findings on one cell: worst severity, all messages", async () => {
    const excel = ledger(20);
    await host(excel).writeMarks(BENCH_SHEET, [
      { row: 8, col: 5, severity: "info", note: "甲" },
      { row: 8, col: 5, severity: "error", note: "乙" },
    ]);
    expect(excel.fillOf(BENCH_SHEET, "E8")).toBe(MARK_FILLS.error);
    expect(excel.sheet(BENCH_SHEET).notes.get("E8")).toBe("【整改台账校验】甲\n乙");
  });

  it("skips notes where ExcelApi 1.18 is missing, and a later clear leaves notes alone", async () => {
    const excel = ledger(20, "1.17");
    await host(excel).writeMarks(BENCH_SHEET, [{ row: 5, col: 5, severity: "error", note: "x" }]);
    expect(excel.fillOf(BENCH_SHEET, "E5")).toBe(MARK_FILLS.error);
    expect(excel.sheet(BENCH_SHEET).notes.get("E5")).toBe("请核实");
    expect((await stateOf(excel)).marks[BENCH_SHEET]).toEqual({
      E5: { fill: null, note: null, raw: { noteUnknown: true, m: MARK_FILLS.error } },
    });

    // The same file opened where notes work: the clerk's note survives the clear.
    excel.useApi("1.18");
    const wb = host(excel);
    await wb.clearMarks(BENCH_SHEET);
    expect(excel.fillOf(BENCH_SHEET, "E5")).toBeNull();
    expect(excel.sheet(BENCH_SHEET).notes.get("E5")).toBe("请核实");
  });

  it("leaves a note that already ends with our very paragraph as found (a copy the CLI marked): no second copy, and clearing keeps it", async () => {
    const excel = ledger(20);
    // As the CLI's copy has it: its fill and its note, its records in a state this host can't read.
    excel.cell(BENCH_SHEET, "F6")!.fill = { color: `#${MARK_FILLS.error}`, pattern: "Solid" };
    excel.sheet(BENCH_SHEET).notes.set("F6", "请核实\n【整改台账校验】时限已过");
    const wb = host(excel);
    const mark: Mark = { row: 6, col: 6, severity: "error", note: "时限已过" };
    await wb.writeMarks(BENCH_SHEET, [mark]);
    expect(excel.sheet(BENCH_SHEET).notes.get("F6")).toBe("请核实\n【整改台账校验】时限已过");
    await wb.writeMarks(BENCH_SHEET, [mark]);
    expect(excel.sheet(BENCH_SHEET).notes.get("F6")).toBe("请核实\n【整改台账校验】时限已过");
    await wb.clearMarks(BENCH_SHEET);
    expect(excel.sheet(BENCH_SHEET).notes.get("F6")).toBe("请核实\n【整改台账校验】时限已过");
    expect(excel.fillOf(BENCH_SHEET, "F6")).toBe(MARK_FILLS.error);
    // Marked again, then a later check finds something else there: ours replaces the stale
    // paragraph, and clearing takes ours out.
    await wb.writeMarks(BENCH_SHEET, [mark]);
    await wb.writeMarks(BENCH_SHEET, [{ ...mark, note: "缺少佐证" }]);
    expect(excel.sheet(BENCH_SHEET).notes.get("F6")).toBe("请核实\n【整改台账校验】缺少佐证");
    await wb.clearMarks(BENCH_SHEET);
    expect(excel.sheet(BENCH_SHEET).notes.get("F6")).toBe("请核实");
  });

  it("takes our part off notes no record knows before marking again (state lost, rows pasted from a checked copy), as the .xlsx host does", async () => {
    // core/orphan-notes: our name at the head, every line a rule's message. Before, a cell marked
    // again got our paragraph twice, and a cell fixed since kept its stale one for good.
    const overdue = (dept: string) =>
      `已逾期1天（时限2025-06-30），尚未完成：请督促${dept}加快整改，或说明原因并报批调整时限。`;
    const excel = ledger(20);
    const wb = host(excel);
    await wb.writeMarks(BENCH_SHEET, [
      { row: 6, col: 6, severity: "error", note: overdue("基教科") },
      { row: 7, col: 6, severity: "error", note: overdue("财务科") },
      { row: 8, col: 6, severity: "error", note: overdue("办公室") },
    ]);
    excel.sheet(BENCH_SHEET).notes.set("F8", `张三：已电话督办\n【整改台账校验】${overdue("办公室")}`);
    // A program dropped our custom XML part: no record of any mark is left.
    excel.xmlParts.splice(0);
    // A clerk's note in our words but with a line of their own below it is theirs: left alone.
    excel.sheet(BENCH_SHEET).notes.set("F9", `【整改台账校验】${overdue("人事科")}\n已核实，待补材料`);
    await host(excel).writeMarks(BENCH_SHEET, [{ row: 6, col: 6, severity: "error", note: overdue("基教科") }]);
    const notes = excel.sheet(BENCH_SHEET).notes;
    expect(notes.get("F6")).toBe(`【整改台账校验】${overdue("基教科")}`);
    expect(notes.has("F7")).toBe(false);
    expect(notes.get("F8")).toBe("张三：已电话督办");
    expect(notes.get("F9")).toBe(`【整改台账校验】${overdue("人事科")}\n已核实，待补材料`);
    // F6's note is on record again: a clear takes it out.
    await host(excel).clearMarks(BENCH_SHEET);
    expect(notes.has("F6")).toBe(false);
    expect(notes.get("F9")).toBe(`【整改台账校验】${overdue("人事科")}\n已核实，待补材料`);
  });

  it("takes orphan parts off on a check that finds nothing, and a clear with no records touches no note", async () => {
    const ours = "【整改台账校验】未填写整改进展：请填写“已完成”“正在推进”或“未启动”。";
    const excel = ledger(5);
    excel.sheet(BENCH_SHEET).notes.set("I3", ours);
    await host(excel).clearMarks(BENCH_SHEET);
    expect(excel.sheet(BENCH_SHEET).notes.get("I3")).toBe(ours);
    await host(excel).writeMarks(BENCH_SHEET, []);
    expect(excel.sheet(BENCH_SHEET).notes.has("I3")).toBe(false);
    expect(excel.sheet(BENCH_SHEET).notes.get("E5")).toBe("请核实");
  });

  it("clearMarks is a no-op without recorded marks", async () => {
    const excel = ledger(5);
    await host(excel).clearMarks(BENCH_SHEET);
    expect(excel.syncCount).toBe(1);
    expect(excel.findSheet(STATE_SHEET)).toBeUndefined();
    expect(excel.xmlParts).toEqual([]);
  });
});
