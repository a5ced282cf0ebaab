import { existsSync } from "node:fs";
import { join } from "node:path";
import { strFromU8 } from "fflate";
import { must, mustCheck, mustRefuse, type CaseContext, type HostileCase } from "../harness.js";
import {
  colLetter,
  inlineRow,
  LEDGER_HEADER,
  minimalXlsxParts,
  python,
  pythonJson,
  unzipFile,
  zipFile,
} from "../make.js";

/**
 * Issue 15, the cases the first sweep named and its cases did not yet hold: a workbook another
 * program wrote with notes, a chart and a table, copied whole; a value in the sheet's very last
 * cell; the clerk's own red fill on a flagged cell, given back once the task is fixed; and a
 * recheck after our state was edited by hand, which must not put our note on a cell twice.
 */

const TODAY = ["--today", "2025-07-01"];
const DEPARTMENT = "E2";

/** A two-task ledger written by openpyxl, task 1 without its department (E2); `extra` runs before the save. */
function openpyxlLedger(extra = ""): string {
  return `import openpyxl
from openpyxl.styles import PatternFill
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "整改台账"
ws.append(${JSON.stringify(LEDGER_HEADER)})
ws.append(["1", "公务用车管理不规范", "建立车辆登记台账", "王强", "", "2025年12月31日", "正在推进", "台账"])
ws.append(["2", "经费报销凭证不全", "上线报销系统", "李华", "财务科", "2025年12月31日", "正在推进", "系统截图"])
${extra}
wb.save(out)`;
}

/** A cell's fill and note, as openpyxl reads them. */
async function cellOf(
  path: string,
  address: string,
): Promise<{ fill: string | null; bg: string | null; note: string | null }> {
  return pythonJson(`import openpyxl
c = openpyxl.load_workbook(${JSON.stringify(path)})["整改台账"][${JSON.stringify(address)}]
f = c.fill
result = {"fill": f.fgColor.rgb if f.fill_type == "solid" else None, "bg": f.bgColor.rgb if f.fill_type == "solid" else None, "note": c.comment.text if c.comment else None}`);
}

/** The clerk fills in task 1's department in the copy, with openpyxl; returns the edited file. */
function departmentFilledIn(t: CaseContext, copy: string): Promise<string> {
  return python(
    t.dir,
    "补齐.xlsx",
    `import openpyxl
wb = openpyxl.load_workbook(${JSON.stringify(copy)})
wb["整改台账"]["${DEPARTMENT}"] = "办公室"
wb.save(out)`,
  );
}

async function copyOf(t: CaseContext, input: string, name: string): Promise<string> {
  const out = join(t.dir, name);
  mustCheck(await t.cli([input, ...TODAY, "--out", out]));
  return out;
}

const cases: HostileCase[] = [
  {
    id: "5.openpyxl-notes-chart-table-copied",
    title:
      "an openpyxl workbook with a note, a table and a chart on a second sheet is checked, and the copy keeps all three",
    async run(t) {
      const input = await python(
        t.dir,
        "台账.xlsx",
        openpyxlLedger(`from openpyxl.comments import Comment
from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.table import Table
ws["B3"].comment = Comment("原始批注", "clerk")
ws.add_table(Table(displayName="台账表", ref="A1:H3"))
data = wb.create_sheet("统计")
data.append(["部门", "任务数"])
data.append(["办公室", 1])
chart = BarChart()
chart.add_data(Reference(data, min_col=2, min_row=1, max_row=2), titles_from_data=True)
data.add_chart(chart, "D2")`),
      );
      const copy = await copyOf(t, input, "副本.xlsx");
      const parts = await unzipFile(copy);
      const names = Object.keys(parts);
      must(
        names.some((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)),
        `the chart is gone from the copy: ${names.join(", ")}`,
      );
      must(
        names.some((n) => /^xl\/tables\/table\d+\.xml$/.test(n)),
        `the table is gone from the copy: ${names.join(", ")}`,
      );
      const note = (await cellOf(copy, "B3")).note;
      must(note === "原始批注", `the clerk's note on B3 reads ${JSON.stringify(note)}`);
      must(
        (await cellOf(copy, DEPARTMENT)).note?.startsWith("【整改台账校验】"),
        `${DEPARTMENT} carries no note of ours`,
      );
    },
  },
  {
    id: "8.value-in-the-last-cell",
    title: "a stray value in XFD1048576, the last cell a sheet has, does not stop the check or count as a task",
    async run(t) {
      const input = await python(t.dir, "台账.xlsx", openpyxlLedger(`ws["XFD1048576"] = "x"`));
      const r = await t.cli([input, ...TODAY, "--json"]);
      mustCheck(r);
      const report = JSON.parse(r.stdout) as { summary: { tasks: number }; findings: { cell: string }[] };
      must(report.summary.tasks === 2, `${report.summary.tasks} tasks, not 2`);
      must(
        report.findings.some((f) => f.cell === DEPARTMENT),
        `the missing department is not flagged: ${JSON.stringify(report.findings)}`,
      );
    },
  },
  {
    id: "3.user-red-fill-given-back",
    title: "the clerk's own FFC7CE fill on a flagged cell comes back, exactly, once the task is fixed and rechecked",
    async run(t) {
      const input = await python(
        t.dir,
        "台账.xlsx",
        openpyxlLedger(`ws["${DEPARTMENT}"].fill = PatternFill("solid", fgColor="FFC7CE")`),
      );
      const original = await cellOf(input, DEPARTMENT);
      const copy = await copyOf(t, input, "副本.xlsx");
      must((await cellOf(copy, DEPARTMENT)).note !== null, `${DEPARTMENT} was not marked`);
      const fixed = await departmentFilledIn(t, copy);
      const after = await cellOf(await copyOf(t, fixed, "复查.xlsx"), DEPARTMENT);
      must(
        JSON.stringify(after) === JSON.stringify(original),
        `${DEPARTMENT} is ${JSON.stringify(after)}, not the clerk's own ${JSON.stringify(original)}`,
      );
    },
  },
  {
    id: "3.recheck-after-state-edited",
    title: "a recheck after our state was edited by hand (not trusted) does not put our note on a cell twice",
    async run(t) {
      const input = await python(t.dir, "台账.xlsx", openpyxlLedger());
      const copy = await copyOf(t, input, "副本.xlsx");
      // The state's JSON (A2 of our very hidden sheet) edited: its signature no longer holds.
      const edited = await python(
        t.dir,
        "改过.xlsx",
        `import openpyxl
wb = openpyxl.load_workbook(${JSON.stringify(copy)})
ws = next(s for s in wb.worksheets if s.sheet_state == "veryHidden" and str(s["A1"].value).startswith("ledger-check state"))
ws["A2"] = ws["A2"].value[:10] + "ZZZZ" + ws["A2"].value[14:]
wb.save(out)`,
      );
      const again = await copyOf(t, edited, "复查.xlsx");
      const note = (await cellOf(again, DEPARTMENT)).note ?? "";
      const ours = note.split("【整改台账校验】").length - 1;
      must(ours === 1, `${DEPARTMENT}'s note carries our mark ${ours} times: ${JSON.stringify(note)}`);
      const workbook = strFromU8((await unzipFile(again))["xl/workbook.xml"]!);
      const states = [...workbook.matchAll(/<sheet [^>]*state="veryHidden"/g)].length;
      must(states === 1, `${states} very hidden sheets in the copy: the edited state was not replaced`);
    },
  },
  {
    id: "8.column-100000",
    title: "a cell in column 100,000 (past Excel's XFD) is refused in one line naming the limit, with or without --out",
    async run(t) {
      const rows =
        inlineRow(1, LEDGER_HEADER) +
        inlineRow(2, ["1", "问题一", "措施一", "王强", "办公室", "2025年6月30日", "正在推进", ""]) +
        `<row r="3"><c r="${colLetter(100_000)}3"><v>1</v></c></row>`;
      const input = await zipFile(t.dir, "宽表.xlsx", minimalXlsxParts(rows));
      mustRefuse(await t.cli([input, ...TODAY, "--json"], { hangGuardMs: 60_000 }), { mentions: ["列数", "拆分"] });
      const out = join(t.dir, "副本.xlsx");
      mustRefuse(await t.cli([input, ...TODAY, "--out", out], { hangGuardMs: 60_000 }), { mentions: ["列数"] });
      must(!existsSync(out), "a refused check left a copy behind");
    },
  },
  {
    id: "3.user-note-like-ours-kept",
    title: "a clerk's note that starts with our name is the clerk's: kept whole through a check and a recheck",
    async run(t) {
      const mine = "【整改台账校验】我自己记的：周五前问办公室";
      const input = await python(
        t.dir,
        "台账.xlsx",
        openpyxlLedger(`from openpyxl.comments import Comment
ws["${DEPARTMENT}"].comment = Comment(${JSON.stringify(mine)}, "clerk")`),
      );
      const copy = await copyOf(t, input, "副本.xlsx");
      const marked = (await cellOf(copy, DEPARTMENT)).note ?? "";
      must(marked.startsWith(`${mine}\n【整改台账校验】`), `the note became ${JSON.stringify(marked)}`);
      const fixed = await departmentFilledIn(t, copy);
      const after = (await cellOf(await copyOf(t, fixed, "复查.xlsx"), DEPARTMENT)).note;
      must(after === mine, `after the recheck the note reads ${JSON.stringify(after)}, not the clerk's own`);
    },
  },
  {
    id: "3.recheck-after-rows-inserted",
    title: "rows inserted above a marked cell, the task fixed, a recheck: the cell is as it was before any mark",
    async run(t) {
      const input = await python(t.dir, "台账.xlsx", openpyxlLedger());
      const before = await cellOf(input, DEPARTMENT);
      const copy = await copyOf(t, input, "副本.xlsx");
      const edited = await python(
        t.dir,
        "插行.xlsx",
        `import openpyxl
wb = openpyxl.load_workbook(${JSON.stringify(copy)})
ws = wb["整改台账"]
ws.insert_rows(2, 2)
ws["E4"] = "办公室"
wb.save(out)`,
      );
      const again = await copyOf(t, edited, "复查.xlsx");
      const moved = await cellOf(again, "E4");
      must(
        JSON.stringify(moved) === JSON.stringify(before),
        `the fixed cell, two rows down, is ${JSON.stringify(moved)}, not ${JSON.stringify(before)} as before any mark`,
      );
      const notes = await pythonJson<string[]>(`import openpyxl
ws = openpyxl.load_workbook(${JSON.stringify(again)})["整改台账"]
result = [c.comment.text for row in ws.iter_rows() for c in row if c.comment]`);
      must(notes.length === 0, `notes left on a ledger with nothing to flag: ${JSON.stringify(notes)}`);
    },
  },
];

export default cases;
