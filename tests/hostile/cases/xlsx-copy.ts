import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { strFromU8 } from "fflate";
import { buildLedger, ledgerBytes } from "../../support/ledger-builder.js";
import { must, mustCheck, type CaseContext, type HostileCase } from "../harness.js";
import { editZip, ledger, libreOffice, python, pythonJson, unzipFile } from "../make.js";

/**
 * Issue 15 items 2–4, the marked copy (the .xlsx writer's promises): our state and sheets are
 * known by our mark, never by a name; marks are reversible and the clerk's notes kept; values
 * are copied exactly. Each case reads the copy back with openpyxl, as another program would.
 */

const TODAY = ["--today", "2025-07-01"];

/** Notes of a sheet by cell, as openpyxl reads them. */
async function notesOf(path: string, sheet: string): Promise<Record<string, string>> {
  return pythonJson(`import openpyxl
ws = openpyxl.load_workbook(${JSON.stringify(path)})[${JSON.stringify(sheet)}]
result = {c.coordinate: c.comment.text for row in ws.iter_rows() for c in row if c.comment}`);
}

/** Sheets of a workbook with their visibility and the first cells' values, as openpyxl reads them. */
async function sheetsOf(path: string): Promise<{ name: string; state: string; a: (string | null)[] }[]> {
  return pythonJson(`import openpyxl
wb = openpyxl.load_workbook(${JSON.stringify(path)})
result = [{"name": ws.title, "state": ws.sheet_state, "a": [None if ws.cell(r, 1).value is None else str(ws.cell(r, 1).value) for r in range(1, 6)]} for ws in wb.worksheets]`);
}

/** No note carries our prefix twice (a mark put on a mark). */
function mustNotDoubleMark(notes: Record<string, string>): void {
  for (const [cell, text] of Object.entries(notes)) {
    const ours = text.split("【整改台账校验】").length - 1;
    must(ours <= 1, `${cell}'s note carries our mark ${ours} times: ${JSON.stringify(text.slice(0, 200))}`);
  }
}

/** Runs a check with --out and asserts it checked; returns the copy's path. */
async function copyOf(t: CaseContext, input: string, name: string, args: string[] = TODAY): Promise<string> {
  const out = join(t.dir, name);
  mustCheck(await t.cli([input, ...args, "--out", out]));
  return out;
}

const cases: HostileCase[] = [
  {
    id: "2.user-sheet-named-ledger-check",
    title: "a clerk's own sheet named ledger-check is kept visible and unchanged in the copy",
    async run(t) {
      const base = await ledger(t.dir, "原.xlsx");
      const input = await python(
        t.dir,
        "台账.xlsx",
        `import openpyxl
wb = openpyxl.load_workbook(${JSON.stringify(base)})
ws = wb.create_sheet("ledger-check")
for r, v in enumerate(["我的备忘", "第二行", "第三行", "第四行", "第五行"], 1):
    ws.cell(r, 1, v)
wb.save(out)`,
      );
      const copy = await copyOf(t, input, "副本.xlsx");
      const mine = (await sheetsOf(copy)).filter((s) => s.a[0] === "我的备忘");
      must(
        mine.length === 1,
        `the clerk's sheet is gone from the copy (sheets: ${JSON.stringify(await sheetsOf(copy))})`,
      );
      must(mine[0]!.state === "visible", `the clerk's sheet is ${mine[0]!.state} in the copy`);
      must(
        JSON.stringify(mine[0]!.a) === JSON.stringify(["我的备忘", "第二行", "第三行", "第四行", "第五行"]),
        `the clerk's A1:A5 changed: ${JSON.stringify(mine[0]!.a)}`,
      );
    },
  },
  {
    id: "2.user-sheet-takes-old-bulletin-name",
    title: "a clerk's sheet renamed to our old bulletin's name survives a recheck of the copy",
    async run(t) {
      const base = await python(
        t.dir,
        "原.xlsx",
        `import openpyxl
wb = openpyxl.load_workbook(${JSON.stringify(await ledger(t.dir, "builder.xlsx"))})
wb.create_sheet("说明").cell(1, 1, "用户的说明")
wb.save(out)`,
      );
      const copy = await copyOf(t, base, "副本.xlsx");
      // The clerk renames our bulletin out of the way and gives its name to their own sheet.
      const edited = await editZip(copy, join(t.dir, "改名.xlsx"), (text, put) => {
        const wb = text("xl/workbook.xml");
        must(wb.includes('name="整改通报"'), "the copy has no 整改通报 sheet to rename");
        put(
          "xl/workbook.xml",
          wb.replace('name="整改通报"', 'name="旧通报"').replace('name="说明"', 'name="整改通报"'),
        );
      });
      const again = await copyOf(t, edited, "再次.xlsx");
      const mine = (await sheetsOf(again)).filter((s) => s.a[0] === "用户的说明");
      must(
        mine.length === 1,
        `the clerk's sheet was deleted: ${JSON.stringify((await sheetsOf(again)).map((s) => s.name))}`,
      );
    },
  },
  {
    id: "3.recheck-after-sheet-rename",
    title: "rechecking a copy whose ledger sheet the clerk renamed puts no note twice",
    async run(t) {
      const copy = await copyOf(t, await ledger(t.dir), "副本.xlsx");
      const renamed = await editZip(copy, join(t.dir, "改名.xlsx"), (text, put) =>
        put("xl/workbook.xml", text("xl/workbook.xml").replace('name="整改台账"', 'name="台账2025"')),
      );
      const again = await copyOf(t, renamed, "再次.xlsx");
      const notes = await notesOf(again, "台账2025");
      must(Object.keys(notes).length > 0, "the recheck marked nothing");
      mustNotDoubleMark(notes);
    },
  },
  {
    id: "3.recheck-of-a-recheck",
    title: "checking a checked copy again, twice, leaves each flagged cell with one mark",
    async run(t) {
      const once = await copyOf(t, await ledger(t.dir), "一.xlsx");
      const twice = await copyOf(t, once, "二.xlsx");
      const thrice = await copyOf(t, twice, "三.xlsx");
      const notes = await notesOf(thrice, "整改台账");
      must(Object.keys(notes).length > 0, "the recheck marked nothing");
      mustNotDoubleMark(notes);
    },
  },
  {
    id: "3.user-notes-kept",
    title: "the clerk's notes on a flagged empty cell and on an unflagged empty cell are kept in the copy",
    async run(t) {
      // E4 (责任领导) is empty and flagged as missing; K4 (备注) is empty and not flagged. The
      // notes are written by exceljs: openpyxl's notes are item 5's (absolute part names).
      const built = buildLedger({
        sections: [
          {
            problems: [
              {
                problem: "问题一",
                measures: [
                  { measures: "修订制度", department: "办公室", deadline: "2025年12月底", status: "正在推进" },
                ],
              },
            ],
          },
        ],
      });
      built.worksheet.getCell("E4").note = "待定：等党委会研究";
      built.worksheet.getCell("K4").note = "备注：下周补齐";
      const input = join(t.dir, "台账.xlsx");
      await writeFile(input, await ledgerBytes(built));
      const copy = await copyOf(t, input, "副本.xlsx");
      const notes = await notesOf(copy, "整改台账");
      must(
        notes.E4?.includes("待定：等党委会研究"),
        `the clerk's note on flagged E4 is gone: ${JSON.stringify(notes.E4)}`,
      );
      must(notes.K4?.includes("备注：下周补齐"), `the clerk's note on K4 is gone: ${JSON.stringify(notes.K4)}`);
    },
  },
  {
    id: "4.values-copied-exactly",
    title: "cached formula errors, a 1e15 date, a serial of 45800.999999999 and control characters are copied exactly",
    async run(t) {
      const input = await python(
        t.dir,
        "台账.xlsx",
        `import xlsxwriter
wb = xlsxwriter.Workbook(out)
ws = wb.add_worksheet("整改台账")
date = wb.add_format({"num_format": "yyyy-mm-dd"})
ws.write_row(0, 0, ["序号", "反馈问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改进展", "佐证材料", "备注"])
ws.write_row(1, 0, ["1", "问题一", "措施一", "王强", "办公室"])
ws.write_formula(1, 5, "=1/0", date, "#DIV/0!")
ws.write_row(1, 6, ["正在推进"])
ws.write_row(2, 0, ["2", "问题二", "措施二", "王强", "办公室"])
ws.write_formula(2, 5, "=NA()", date, "#N/A")
ws.write_row(2, 6, ["正在推进"])
ws.write_row(3, 0, ["3", "问题三", "措施三", "王强", "办公室"])
ws.write_number(3, 5, 45800.999999999, date)
ws.write_row(3, 6, ["正在推进"])
ws.write_row(4, 0, ["4", "问题四", "措施四", "王强", "办公室"])
ws.write_number(4, 5, 1e15, date)
ws.write_row(4, 6, ["正在推进"])
wb.close()`,
      );
      const copy = await copyOf(t, input, "副本.xlsx");
      const parts = await unzipFile(copy);
      const sheetXml = Object.entries(parts)
        .filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
        .map(([, b]) => strFromU8(b))
        .join("");
      must(!/>NaN</.test(sheetXml), "a NaN value was written into the copy");
      const values = await pythonJson<Record<string, unknown>>(`import openpyxl
ws = openpyxl.load_workbook(${JSON.stringify(copy)}, data_only=True)["整改台账"]
raw = openpyxl.load_workbook(${JSON.stringify(copy)})["整改台账"]
result = {"F2": ws["F2"].value, "F3": ws["F3"].value, "F2f": raw["F2"].value}`);
      must(values.F2 === "#DIV/0!", `F2's cached #DIV/0! became ${JSON.stringify(values.F2)}`);
      must(values.F3 === "#N/A", `F3's cached #N/A became ${JSON.stringify(values.F3)}`);
      must(values.F2f === "=1/0", `F2's formula became ${JSON.stringify(values.F2f)}`);
      const serial = /<c r="F4"[^>]*>(?:<f>[^<]*<\/f>)?<v>([^<]*)<\/v>/.exec(sheetXml)?.[1];
      must(serial !== undefined && Number(serial) === 45800.999999999, `F4's serial 45800.999999999 became ${serial}`);
      const big = /<c r="F5"[^>]*><v>([^<]*)<\/v>/.exec(sheetXml)?.[1];
      must(big !== undefined && Number(big) === 1e15, `F5's 1e15 became ${big}`);
    },
  },
  {
    id: "4.control-characters-kept",
    title: "NUL, ESC, VT, FF and BEL in a cell are kept in the copy (as _xHHHH_ escapes)",
    async run(t) {
      const text = "a\x1b[2Jb\x07c\x0bd\x0ce\x00f";
      const input = await python(
        t.dir,
        "台账.xlsx",
        `import xlsxwriter
wb = xlsxwriter.Workbook(out)
ws = wb.add_worksheet("整改台账")
ws.write_row(0, 0, ["序号", "反馈问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改进展", "佐证材料", "备注"])
ws.write_row(1, 0, ["1", "问题一", "措施一", "王强", "办公室", "2025年6月底", "正在推进", "", ${JSON.stringify(text)}])
wb.close()`,
      );
      const copy = await copyOf(t, input, "副本.xlsx");
      const [before, after] = await Promise.all(
        [input, copy].map((p) =>
          pythonJson<string>(`import openpyxl
result = openpyxl.load_workbook(${JSON.stringify(p)})["整改台账"]["I2"].value`),
        ),
      );
      must(after === before, `I2 was ${JSON.stringify(before)}, the copy has ${JSON.stringify(after)}`);
    },
  },
  {
    id: "4.noncharacters-well-formed",
    title: "U+FFFE and U+FFFF in a cell leave every part of the copy well-formed XML",
    async run(t) {
      const input = await python(
        t.dir,
        "台账.xlsx",
        `import xlsxwriter
wb = xlsxwriter.Workbook(out)
ws = wb.add_worksheet("整改台账")
ws.write_row(0, 0, ["序号", "反馈问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改进展", "佐证材料", "备注"])
ws.write_row(1, 0, ["1", "问题一\\ufffe", "措施一\\uffff", "王强", "办公室", "2025年6月底", "正在推进", "", "x\\ufffey"])
wb.close()`,
      );
      const copy = await copyOf(t, input, "副本.xlsx");
      const bad = await pythonJson<string[]>(`import zipfile, xml.dom.minidom
bad = []
with zipfile.ZipFile(${JSON.stringify(copy)}) as z:
    for n in z.namelist():
        if n.endswith(".xml") or n.endswith(".rels"):
            try:
                xml.dom.minidom.parseString(z.read(n))
            except Exception as e:
                bad.append(n + ": " + str(e))
result = bad`);
      must(bad.length === 0, `not well-formed: ${bad.join("; ")}`);
    },
  },
  {
    id: "5.data-bar-keeps-its-rule",
    title:
      "a data bar's own extLst (Excel 2010+, xlsxwriter) is left whole: the notes' legacyDrawing goes at the sheet's level",
    async run(t) {
      const input = await python(
        t.dir,
        "台账.xlsx",
        `import xlsxwriter
wb = xlsxwriter.Workbook(out)
ws = wb.add_worksheet("整改台账")
ws.write_row(0, 0, ["序号", "反馈问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改进展", "完成率"])
ws.write_row(1, 0, ["1", "问题一", "措施一", "", "办公室", "2025年6月30日", "正在推进", 40])
ws.write_row(2, 0, ["2", "问题二", "措施二", "王强", "", "2025年12月31日", "正在推进", 70])
# A solid data bar: xlsxwriter, like Excel 2010+, gives its cfRule an extLst of its own (x14 dataBar).
ws.conditional_format("H2:H3", {"type": "data_bar", "bar_solid": True})
wb.close()`,
      );
      const copy = await copyOf(t, input, "副本.xlsx");
      const sheet = strFromU8((await unzipFile(copy))["xl/worksheets/sheet1.xml"]!);
      const check = await pythonJson<{
        children: string[];
        cfRule: string[];
      }>(`import zipfile, xml.etree.ElementTree as ET
root = ET.fromstring(zipfile.ZipFile(${JSON.stringify(copy)}).read("xl/worksheets/sheet1.xml"))
local = lambda e: e.tag.split("}")[-1]
rule = [e for e in root.iter() if local(e) == "cfRule"][0]
result = {"children": [local(e) for e in root], "cfRule": [local(e) for e in rule]}`);
      must(
        !check.cfRule.includes("legacyDrawing"),
        `legacyDrawing was put inside the data bar's cfRule: ${check.cfRule}`,
      );
      const at = check.children.indexOf("legacyDrawing");
      must(at >= 0, `the copy's sheet has no legacyDrawing for its notes (children: ${check.children})`);
      // CT_Worksheet's order (ECMA-376 Part 1 §18.3.1.99): legacyDrawing before the sheet's extLst.
      must(at < check.children.indexOf("extLst"), `legacyDrawing comes after the sheet's extLst: ${check.children}`);
      must(
        /<cfRule type="dataBar"[^>]*><dataBar>[\s\S]*?<\/dataBar><extLst>/.test(sheet),
        "the data bar's rule changed",
      );
    },
  },
  {
    id: "3.recheck-after-libreoffice-resave",
    title:
      "a copy LibreOffice saved again is rechecked as ours: marks taken off, the state kept very hidden, no sheet lost",
    async run(t) {
      const copy = await copyOf(t, await ledger(t.dir), "副本.xlsx");
      const resaved = await libreOffice(t.dir, copy);
      // The overdue tasks are done now: their marks must come off.
      const again = await copyOf(t, resaved, "再次.xlsx", [...TODAY, "--disable", "overdue"]);
      const names = (await sheetsOf(again)).map((s) => `${s.name}:${s.state}`);
      const before = (await sheetsOf(copy)).map((s) => `${s.name}:${s.state}`);
      // LibreOffice drops our sheets' code names; still showing what we wrote, under our names,
      // they are ours and replaced in place: the same sheets, none beside them, one state sheet.
      must(JSON.stringify(names) === JSON.stringify(before), `the recheck changed the sheets: ${before} → ${names}`);
      const cells = await pythonJson<{ cell: string; fill: string; note: string | null }[]>(`import openpyxl
ws = openpyxl.load_workbook(${JSON.stringify(again)})["整改台账"]
result = [{"cell": c.coordinate, "fill": str(c.fill.fgColor.rgb), "note": c.comment.text if c.comment else None}
          for row in ws.iter_rows() for c in row if c.fill.fill_type == "solid" or c.comment]`);
      const overdue = cells.filter((c) => c.note?.includes("已逾期"));
      must(overdue.length === 0, `overdue notes are left after the recheck: ${JSON.stringify(overdue.slice(0, 3))}`);
      const orphan = cells.filter((c) => c.fill.endsWith("FFC7CE") && !c.note?.includes("【整改台账校验】"));
      must(orphan.length === 0, `our red fill is left on cells with no finding: ${JSON.stringify(orphan.slice(0, 3))}`);
    },
  },
  {
    id: "3.recheck-after-libreoffice-resave-and-an-edit",
    title:
      "after a LibreOffice save, a sheet of ours the clerk edited is theirs: kept as they left it, ours written beside it",
    async run(t) {
      const copy = await copyOf(t, await ledger(t.dir), "副本.xlsx");
      const resaved = await libreOffice(t.dir, copy);
      const edited = await python(
        t.dir,
        "改过.xlsx",
        `import openpyxl
wb = openpyxl.load_workbook(${JSON.stringify(resaved)})
ws = wb["校验明细"]
ws.cell(2, 1).value = str(ws.cell(2, 1).value) + "（已核）"
wb.save(out)`,
      );
      const again = await copyOf(t, edited, "再次.xlsx");
      const sheets = await sheetsOf(again);
      const names = sheets.map((s) => s.name);
      const mine = sheets.find((s) => s.name === "校验明细");
      must(mine?.a[1]?.endsWith("（已核）") === true, `the clerk's edited 校验明细 changed: ${JSON.stringify(mine)}`);
      must(names.includes("校验明细 (2)"), `no new 校验明细 beside the clerk's: ${names}`);
      // The sheets the clerk left as we wrote them are still ours: replaced, nothing beside them.
      must(
        !names.includes("整改通报 (2)") && !names.includes("督办清单 (2)"),
        `our sheets were not replaced: ${names}`,
      );
    },
  },
];

export default cases;
