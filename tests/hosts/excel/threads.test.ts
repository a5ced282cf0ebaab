import { describe, expect, it } from "vitest";
import { ExcelWorkbook } from "../../../src/hosts/excel/excel-workbook.js";
import { MARK_FILLS, type Mark } from "../../../src/hosts/workbook.js";
import { BENCH_SHEET, benchLedgerRows } from "../../../bench/excel-host.js";
import { FakeExcel, type FakeThread } from "../../support/excel-fake.js";

/**
 * Excel 365's threaded comments ("New Comment" there makes one, ExcelApi 1.10). A cell holds a
 * thread or a note, never both (MS-XLSX §2.6.205: the thread's cell carries the legacy note as
 * its placeholder; Excel offers no New Note on it), so the fake refuses `notes.add` there, and a
 * mark's paragraph goes into the thread as a reply. A resolved thread takes no reply (the fake's
 * header says why it refuses).
 */
function ledger(): FakeExcel {
  const excel = new FakeExcel({ api: "1.18" });
  excel.seed(BENCH_SHEET, "A1", benchLedgerRows(20));
  return excel;
}
const host = (excel: FakeExcel) => new ExcelWorkbook(excel.run, excel.hostOptions);
const mark = (row: number, note = "时限已过"): Mark => ({ row, col: 5, severity: "error", note });
const OURS = "【整改台账校验】时限已过";
const copy = (t: FakeThread) => structuredClone(t);

describe("ExcelWorkbook marks on cells with a threaded comment", () => {
  it("puts our paragraph into the clerk's thread as a reply, once, and clearing takes exactly it out", async () => {
    const excel = ledger();
    const thread = excel.addThread(BENCH_SHEET, "E5", "这条时限是否已调整？", ["已请示分管领导"]);
    const before = copy(thread);
    const wb = host(excel);
    await wb.writeMarks(BENCH_SHEET, [mark(5), mark(6)]);
    expect(excel.fillOf(BENCH_SHEET, "E5")).toBe(MARK_FILLS.error);
    expect(excel.sheet(BENCH_SHEET).notes.has("E5")).toBe(false);
    expect(thread.content).toBe(before.content);
    expect(thread.replies.map((r) => r.content)).toEqual(["已请示分管领导", OURS]);
    // A cell without a thread still gets a note.
    expect(excel.sheet(BENCH_SHEET).notes.get("E6")).toBe(OURS);

    // A recheck with the same findings adds no second reply.
    await wb.writeMarks(BENCH_SHEET, [mark(5), mark(6)]);
    expect(thread.replies.map((r) => r.content)).toEqual(["已请示分管领导", OURS]);

    // The clerk replies after ours; a finding that changed rewrites our reply where it is.
    thread.replies.push({ id: excel.newReplyId(), content: "已改为12月底" });
    await wb.writeMarks(BENCH_SHEET, [mark(5, "缺少佐证")]);
    expect(thread.replies.map((r) => r.content)).toEqual([
      "已请示分管领导",
      "【整改台账校验】缺少佐证",
      "已改为12月底",
    ]);

    await wb.clearMarks(BENCH_SHEET);
    expect(thread.replies.map((r) => r.content)).toEqual(["已请示分管领导", "已改为12月底"]);
    expect(thread.content).toBe(before.content);
    expect(excel.fillOf(BENCH_SHEET, "E5")).toBeNull();
    expect(excel.sheet(BENCH_SHEET).notes.has("E6")).toBe(false);
  });

  it("leaves a reply of ours the clerk edited, and a thread's reply that was ours before it came (a CLI copy)", async () => {
    const excel = ledger();
    const edited = excel.addThread(BENCH_SHEET, "E5", "请核实");
    const cli = excel.addThread(BENCH_SHEET, "E7", "请核实", [OURS]);
    const wb = host(excel);
    await wb.writeMarks(BENCH_SHEET, [mark(5), mark(7)]);
    expect(cli.replies.map((r) => r.content)).toEqual([OURS]); // not a second copy
    edited.replies[0]!.content = `${OURS}（已核实，12月5日前补齐）`;
    await wb.clearMarks(BENCH_SHEET);
    expect(edited.replies.map((r) => r.content)).toEqual([`${OURS}（已核实，12月5日前补齐）`]);
    expect(cli.replies.map((r) => r.content)).toEqual([OURS]);
  });

  it("marks a cell whose thread is resolved by its fill alone, and never edits a resolved thread", async () => {
    const excel = ledger();
    const resolved = excel.addThread(BENCH_SHEET, "E5", "已办结", [], true);
    const later = excel.addThread(BENCH_SHEET, "E6", "请核实");
    const wb = host(excel);
    await wb.writeMarks(BENCH_SHEET, [mark(5), mark(6)]);
    expect(excel.fillOf(BENCH_SHEET, "E5")).toBe(MARK_FILLS.error);
    expect(resolved.replies).toEqual([]);
    expect(later.replies.map((r) => r.content)).toEqual([OURS]);
    // The clerk resolves E6's thread after the check: the clear takes the fill off, leaves the thread.
    later.resolved = true;
    await wb.clearMarks(BENCH_SHEET);
    expect(excel.fillOf(BENCH_SHEET, "E6")).toBeNull();
    expect(later.replies.map((r) => r.content)).toEqual([OURS]);
  });

  it("finds our reply where the thread moved when the clerk inserted rows", async () => {
    const excel = ledger();
    const thread = excel.addThread(BENCH_SHEET, "E5", "请核实", ["收到"]);
    const wb = host(excel);
    await wb.writeMarks(BENCH_SHEET, [mark(5)]);
    excel.insertRows(BENCH_SHEET, 3, 2); // E5 → E7
    expect(excel.sheet(BENCH_SHEET).threads.get("E7")).toBe(thread);
    await wb.clearMarks(BENCH_SHEET);
    expect(thread.replies.map((r) => r.content)).toEqual(["收到"]);
    expect(excel.fillOf(BENCH_SHEET, "E7")).toBeNull();
  });

  it("reads the threads with the notes: no sync of their own, however many there are", async () => {
    const syncs = async (annotate: (excel: FakeExcel, row: number) => void) => {
      const excel = new FakeExcel({ api: "1.18" });
      excel.seed(BENCH_SHEET, "A1", benchLedgerRows(600));
      for (let row = 3; row < 600; row += 2) annotate(excel, row);
      const wb = host(excel);
      const marks = Array.from({ length: 590 }, (_, i) => mark(i + 3));
      const start = excel.syncCount;
      await wb.writeMarks(BENCH_SHEET, marks);
      const marking = excel.syncCount - start;
      await wb.clearMarks(BENCH_SHEET);
      return [marking, excel.syncCount - start - marking];
    };
    const withNotes = await syncs((excel, row) => excel.sheet(BENCH_SHEET).notes.set(`E${row}`, "请核实"));
    const withThreads = await syncs((excel, row) => excel.addThread(BENCH_SHEET, `E${row}`, "请核实", ["收到"]));
    expect(withThreads).toEqual(withNotes);
  });
});
