import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { openWorkbookFile } from "../../../src/hosts/xlsx/open.js";
import { XlsxWriter } from "../../../src/hosts/xlsx/xlsx-writer.js";
import { richText } from "../../../src/hosts/xlsx/xml-write.js";
import { load, toBytes } from "./helpers.js";
import { bulletin, parts, text } from "./writer-helpers.js";

async function workbook(sheets: string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const name of sheets) wb.addWorksheet(name).getCell("A1").value = `用户的${name}`;
  return toBytes(wb);
}

/** The workbook part with a text replaced, as a clerk's edit in Excel would leave it. */
function editWorkbookXml(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const writer = new XlsxWriter(bytes);
  const wb = writer.pkg.workbookPart();
  writer.pkg.setText(wb, edit(writer.pkg.text(wb)!));
  return writer.toBytes();
}

describe("writeSheet", () => {
  it("never replaces the user's 整改通报 and does replace its own", async () => {
    const book = await openWorkbookFile(await workbook(["台账", "整改通报"]), "a.xlsx");
    expect(await book.writeSheet(bulletin("第一版"))).toBe("整改通报 (2)");
    expect(await book.writeSheet(bulletin("第二版"))).toBe("整改通报 (2)");

    const saved = await load(await book.toBuffer());
    expect(saved.worksheets.map((ws) => ws.name)).toEqual(["台账", "整改通报", "整改通报 (2)", "ledger-check"]);
    expect(saved.getWorksheet("整改通报")!.getCell("A1").value).toBe("用户的整改通报");
    expect(saved.getWorksheet("整改通报 (2)")!.getCell("A1").value).toBe("第二版");
    expect(saved.getWorksheet("ledger-check")!.state).toBe("veryHidden");
    expect(await book.listSheets()).toEqual([
      { name: "台账", rowCount: 1, generated: false, visible: true },
      { name: "整改通报", rowCount: 1, generated: false, visible: true },
      { name: "整改通报 (2)", rowCount: 1, generated: true, visible: true },
    ]);

    // A later session knows the sheet is ours from the state saved in the file, and replaces it in place.
    const later = await openWorkbookFile(await book.toBuffer(), "a.xlsx");
    expect(await later.writeSheet(bulletin("第三版"))).toBe("整改通报 (2)");
    const again = await load(await later.toBuffer());
    expect(again.worksheets.map((ws) => ws.name)).toEqual(["台账", "整改通报", "整改通报 (2)", "ledger-check"]);
    expect(again.getWorksheet("整改通报 (2)")!.getCell("A1").value).toBe("第三版");
  });

  it("writes the used range as <dimension>, in CT_Worksheet's place, so its size is known from its head", async () => {
    const writer = new XlsxWriter(await workbook(["台账"]));
    const doc = bulletin("正文");
    doc.cells.push({ row: 40, col: 2, value: 1, style: "body", colSpan: 3 });
    const name = writer.writeSheet(doc);
    const xml = text(parts(writer.toBytes())[writer.sheets().find((s) => s.name === name)!.part!]);
    // ECMA-376 Part 1 §18.3.1.99: sheetPr, dimension, sheetViews, … sheetData. A merge's covered
    // cells are written (styled), so they count: B40 merged over three columns ends at D40.
    expect(xml).toMatch(/<\/sheetPr><dimension ref="A1:D40"\/><sheetViews>/);
    const book = await openWorkbookFile(writer.toBytes(), "a.xlsx");
    expect((await book.listSheets()).find((s) => s.name === name)!.rowCount).toBe(40);
  });

  it("skips every user sheet in the way, case-insensitively", async () => {
    const book = await openWorkbookFile(await workbook(["Report", "report (2)"]), "a.xlsx");
    expect(await book.writeSheet(bulletin("x", "REPORT"))).toBe("REPORT (3)");
  });

  it("writes text as text, never a formula, and escapes what XML cannot carry", async () => {
    const writer = new XlsxWriter(await workbook(["台账"]));
    const name = writer.writeSheet(bulletin("=SUM(A1)\u0000\u001b[2J\u000b\u000c\u0007\ufffe\uffff_x0041_ 尾"));
    const sheet = writer.sheets().find((s) => s.name === name)!;
    const xml = text(parts(writer.toBytes())[sheet.part!]);
    expect(xml).not.toContain("<f>");
    expect(xml).toContain('t="inlineStr"');
    expect(xml).toContain("=SUM(A1)_x0000__x001B_[2J_x000B__x000C__x0007__xFFFE__xFFFF__x005F_x0041_ 尾");
    const t = /<is>([\s\S]*?)<\/is>/.exec(xml)![1]!;
    expect(richText(t)).toBe("=SUM(A1)\u0000\u001b[2J\u000b\u000c\u0007\ufffe\uffff_x0041_ 尾");
  });
});

describe("our sheets and our state are known by a mark only we write, never by a name (issue 15, item 2)", () => {
  it("a user's own sheet named ledger-check stays as it was: visible, every cell kept", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("台账").getCell("A1").value = "台账";
    const own = wb.addWorksheet("ledger-check");
    ["用户自己的表", "A2", "A3", "A4", "A5"].forEach((v, i) => (own.getCell(i + 1, 1).value = v));
    const original = await toBytes(wb);
    const book = await openWorkbookFile(original, "a.xlsx");
    expect((await book.listSheets()).map((s) => [s.name, s.generated, s.visible])).toEqual([
      ["台账", false, true],
      ["ledger-check", false, true],
    ]);
    await book.writeMarks("台账", [{ row: 1, col: 1, severity: "error", note: "n" }]);
    await book.writeSheet(bulletin("x"));
    const copy = await book.toBuffer();
    expect(text(parts(copy)["xl/worksheets/sheet2.xml"])).toBe(text(parts(original)["xl/worksheets/sheet2.xml"]));
    const saved = await load(copy);
    expect(saved.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["台账", "visible"],
      ["ledger-check", "visible"],
      ["整改通报", "visible"],
      ["ledger-check (2)", "veryHidden"],
    ]);
    // And the next run finds its state again under the other name.
    const later = await openWorkbookFile(copy, "a.xlsx");
    expect(Object.keys(later.marksState.marks)).toHaveLength(1);
    await later.clearMarks("台账");
    expect(later.marksState.marks).toEqual({});
  });

  it("a user sheet renamed to our old bulletin's name is the user's: kept, and the bulletin goes beside it", async () => {
    const book = await openWorkbookFile(await workbook(["台账", "附表"]), "a.xlsx");
    await book.writeSheet(bulletin("旧"));
    // In Excel the clerk renames our bulletin to 旧通报, then names their 附表 整改通报.
    const edited = editWorkbookXml(await book.toBuffer(), (xml) =>
      xml.replace('name="整改通报"', 'name="旧通报"').replace('name="附表"', 'name="整改通报"'),
    );
    const later = new XlsxWriter(edited);
    expect(later.generatedNames()).toEqual(["旧通报"]);
    expect(later.writeSheet(bulletin("新"))).toBe("整改通报 (2)");
    const saved = await load(later.toBytes());
    expect(saved.getWorksheet("整改通报")!.getCell("A1").value).toBe("用户的附表");
    expect(saved.getWorksheet("旧通报")!.getCell("A1").value).toBe("旧");
    expect(saved.getWorksheet("整改通报 (2)")!.getCell("A1").value).toBe("新");
  });

  it("a sheet copied from ours under our name, but not our sheet, is never replaced", async () => {
    const book = await openWorkbookFile(await workbook(["台账"]), "a.xlsx");
    await book.writeSheet(bulletin("ours"));
    // The clerk deletes our bulletin and makes a sheet of their own under the same name.
    const writer = new XlsxWriter(await book.toBuffer());
    const ours = writer.sheets().find((s) => s.name === "整改通报")!;
    writer.pkg.setText(ours.part!, text(parts(await workbook(["x"]))["xl/worksheets/sheet1.xml"]));
    const later = await openWorkbookFile(writer.toBytes(), "a.xlsx");
    expect((await later.listSheets()).filter((s) => s.generated)).toEqual([]);
    expect(await later.writeSheet(bulletin("new"))).toBe("整改通报 (2)");
  });

  /** Our bulletin as LibreOffice 7.4 saves it: `<sheetPr filterMode="false">`, no code name, the sheets renumbered by place. */
  async function savedByLibreOffice(editCells: (xml: string) => string = (x) => x): Promise<Uint8Array> {
    const book = await openWorkbookFile(await workbook(["台账"]), "a.xlsx");
    await book.writeSheet(bulletin("关于整改进展情况的通报"));
    const writer = new XlsxWriter(await book.toBuffer());
    const ours = writer.sheets().find((s) => s.name === "整改通报")!;
    const xml = writer.pkg.text(ours.part!)!;
    expect(xml).toMatch(/<sheetPr\b[^>]*codeName=/);
    writer.pkg.setText(ours.part!, editCells(xml.replace(/<sheetPr\b[^>]*?(\/?)>/, '<sheetPr filterMode="false"$1>')));
    const wb = writer.pkg.workbookPart();
    let n = 0;
    writer.pkg.setText(
      wb,
      writer.pkg.text(wb)!.replace(/sheetId="\d+"/g, () => `sheetId="${++n}"`),
    );
    return writer.toBytes();
  }

  it("after LibreOffice dropped our code name, a sheet of our name showing exactly what we wrote is still ours: replaced in place", async () => {
    const later = await openWorkbookFile(await savedByLibreOffice(), "a.xlsx");
    expect((await later.listSheets()).filter((s) => s.generated).map((s) => s.name)).toEqual(["整改通报"]);
    expect(await later.writeSheet(bulletin("新的通报"))).toBe("整改通报");
    const saved = await load(await later.toBuffer());
    expect(saved.worksheets.map((ws) => ws.name)).toEqual(["台账", "整改通报", "ledger-check"]);
    expect(saved.getWorksheet("整改通报")!.getCell("A1").value).toBe("新的通报");
  });

  it("after LibreOffice dropped our code name, a sheet of our name the clerk edited is theirs: ours goes beside it", async () => {
    // One character of one cell changed (what a clerk's fix of the bulletin's wording is).
    const edited = await savedByLibreOffice((xml) =>
      xml.replace("关于整改进展情况的通报", "关于整改进展情况的通报（修改）"),
    );
    const later = await openWorkbookFile(edited, "a.xlsx");
    expect((await later.listSheets()).filter((s) => s.generated)).toEqual([]);
    expect(await later.writeSheet(bulletin("新的通报"))).toBe("整改通报 (2)");
    const saved = await load(await later.toBuffer());
    expect(saved.getWorksheet("整改通报")!.getCell("A1").value).toBe("关于整改进展情况的通报（修改）");
  });

  it("a state sheet LibreOffice left only hidden is read; a hidden copy of it with a note of the clerk's beside it is not", async () => {
    const book = await openWorkbookFile(await workbook(["台账"]), "a.xlsx");
    await book.writeMarks("台账", [{ row: 1, col: 1, severity: "error", note: "n" }]);
    const marked = await book.toBuffer();
    const asHidden = (bytes: Uint8Array, withNote: boolean) => {
      const w = new XlsxWriter(bytes);
      const state = w.sheets().find((s) => s.state === "veryHidden")!;
      const wb = w.pkg.workbookPart();
      w.pkg.setText(wb, w.pkg.text(wb)!.replace(state.tag, state.tag.replace('state="veryHidden"', 'state="hidden"')));
      if (withNote)
        w.pkg.setText(
          state.part!,
          w.pkg
            .text(state.part!)!
            .replace(/(<c r="A1"[\s\S]*?<\/c>)/, '$1<c r="B1" t="inlineStr"><is><t>我的备份</t></is></c>'),
        );
      return w.toBytes();
    };
    const lo = new XlsxWriter(asHidden(marked, false));
    expect(lo.stateSheetName).toBe("ledger-check");
    expect(Object.keys(lo.xlsxState.marks)).toHaveLength(1);
    // Saved again, the sheet is very hidden once more.
    lo.writeMarks("台账", [{ row: 1, col: 1, severity: "warning", note: "m" }]);
    expect(new XlsxWriter(lo.toBytes()).sheets().find((s) => s.name === "ledger-check")!.state).toBe("veryHidden");
    const theirs = new XlsxWriter(asHidden(marked, true));
    expect(theirs.stateSheetName).toBeNull();
    expect(theirs.xlsxState.marks).toEqual({});
  });

  it("a state edited by hand is not trusted: the copy is still written, and the state replaced", async () => {
    const book = await openWorkbookFile(await workbook(["台账"]), "a.xlsx");
    await book.writeMarks("台账", [{ row: 1, col: 1, severity: "error", note: "n" }]);
    const writer = new XlsxWriter(await book.toBuffer());
    const state = writer.sheets().find((s) => s.state === "veryHidden")!;
    // What broke exceljs before: an address past the last column.
    writer.pkg.setText(state.part!, writer.pkg.text(state.part!)!.replace('"cells":"A1"', '"cells":"ZZZZ1"'));
    const tampered = await openWorkbookFile(writer.toBytes(), "a.xlsx");
    expect(tampered.stateTampered).toBe(true);
    expect(tampered.marksState.marks).toEqual({});
    await tampered.writeMarks("台账", [{ row: 1, col: 1, severity: "warning", note: "m" }]);
    const saved = await load(await tampered.toBuffer());
    expect(saved.worksheets.map((w) => w.name)).toEqual(["台账", "ledger-check"]);
    const again = await openWorkbookFile(await tampered.toBuffer(), "a.xlsx");
    expect(again.stateTampered).toBe(false);
    expect(Object.keys(Object.values(again.marksState.marks)[0]!.cells)).toEqual(["A1"]);
  });
});

describe("writeSheets", () => {
  it("writes each document by writeSheet's rules and leaves the first (the bulletin) the active tab", async () => {
    const book = await openWorkbookFile(await workbook(["台账", "整改通报"]), "a.xlsx");
    expect(await book.writeSheets([bulletin("通报"), bulletin("明细", "校验明细")])).toEqual([
      "整改通报 (2)",
      "校验明细",
    ]);
    const saved = await load(await book.toBuffer());
    expect(saved.getWorksheet("整改通报")!.getCell("A1").value).toBe("用户的整改通报");
    expect(saved.views[0]!.activeTab).toBe(saved.worksheets.findIndex((ws) => ws.name === "整改通报 (2)"));
  });
});

describe("select", () => {
  it("makes the sheet the active tab, the only selected one, with the cell selected", async () => {
    const writer = new XlsxWriter(await workbook(["台账", "附表"]));
    writer.select("附表", "H12");
    const saved = await load(writer.toBytes());
    expect(saved.views[0]!.activeTab).toBe(1);
    expect(saved.getWorksheet("附表")!.views[0]!.activeCell).toBe("H12");
    const copy = parts(writer.toBytes());
    expect(text(copy["xl/worksheets/sheet2.xml"])).toMatch(/<sheetView[^>]*tabSelected="1"/);
    expect(text(copy["xl/worksheets/sheet1.xml"])).not.toMatch(/tabSelected="(1|true)"/);
  });

  it("is a no-op for a missing or hidden sheet", async () => {
    const original = await workbook(["台账"]);
    const writer = new XlsxWriter(original);
    writer.select("没有", "A1");
    writer.writeMarks("台账", [{ row: 1, col: 1, severity: "info", note: "n" }]);
    writer.select("ledger-check", "A1");
    expect((await load(writer.toBytes())).views?.[0]?.activeTab ?? 0).toBe(0);
  });
});

describe("removing the state sheet", () => {
  it("keeps the active tab on the same sheet", async () => {
    const book = await openWorkbookFile(await workbook(["台账"]), "a.xlsx");
    await book.writeMarks("台账", [{ row: 1, col: 1, severity: "error", note: "n" }]);
    await book.writeSheet(bulletin("x"));
    // The clerk leaves the bulletin active.
    const active = new XlsxWriter(await book.toBuffer());
    active.select("整改通报", "A1");
    const edited = active.toBytes();
    expect((await load(edited)).views[0]!.activeTab).toBe(1);
    const later = await openWorkbookFile(edited, "a.xlsx");
    await later.clearMarks("台账");
    const cleared = await load(await later.toBuffer());
    // The state sheet stays while it records the bulletin; clear it too by writing no sheet.
    expect(cleared.worksheets.map((ws) => ws.name)).toEqual(["台账", "整改通报", "ledger-check"]);
    expect(cleared.views[0]!.activeTab).toBe(1);
    const writer = new XlsxWriter(edited);
    // The bulletin deleted by the clerk: the state has nothing left to keep and goes.
    const wbXml = writer.pkg.text(writer.pkg.workbookPart())!;
    writer.pkg.setText(writer.pkg.workbookPart(), wbXml.replace(/<sheet name="整改通报"[^>]*\/>/, ""));
    writer.clearMarks("台账");
    const gone = await load(writer.toBytes());
    expect(gone.worksheets.map((ws) => ws.name)).toEqual(["台账"]);
    expect(gone.views[0]!.activeTab ?? 0).toBe(0);
  });
});
