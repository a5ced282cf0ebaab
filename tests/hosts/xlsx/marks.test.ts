import type ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkWorkbook, markWorkbook } from "../../../src/app/check-workbook.js";
import { makeConfig } from "../../../src/core/config.js";
import { openWorkbookFile } from "../../../src/hosts/xlsx/open.js";
import { readGrid } from "../../support/exceljs/read-grid.js";
import { XlsxWriter } from "../../../src/hosts/xlsx/xlsx-writer.js";
import type { Mark } from "../../../src/hosts/workbook.js";
import { load, sampleLedger, toBytes } from "./helpers.js";
import { parts, text } from "./writer-helpers.js";
import { handXlsx } from "./handmade.js";
import { MAX_CELL_XFS } from "../../../src/hosts/xlsx/xlsx-writer.js";

/** Value, fill and note of every cell in the sheet, as saved in the file (read by exceljs, the oracle). */
function snapshot(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let r = 1; r <= 6; r++) {
    for (let c = 1; c <= 6; c++) {
      const cell = ws.getCell(r, c);
      out[cell.address] = { value: cell.value ?? null, fill: cell.style.fill ?? null, note: cell.note ?? null };
    }
  }
  return out;
}

/** The sample ledger with a clerk's own fills and notes on some cells. */
async function clerkLedger(): Promise<Uint8Array> {
  const wb = sampleLedger();
  const ws = wb.getWorksheet("台账")!;
  ws.getCell("C4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell("C4").note = "请核实措施";
  ws.getCell("E4").note = { texts: [{ text: "张三:", font: { bold: true, size: 9 } }, { text: "\n已督办" }] };
  // A theme colour with a tint: not an RGB fill, must still come back exactly.
  ws.getCell("B4").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 4, tint: 0.6 } } as ExcelJS.Fill;
  // D3 and E3 share one style in the saved file; marking E3 must not repaint D3.
  ws.getCell("D3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
  ws.getCell("E3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
  return toBytes(wb);
}

const MARKS: Mark[] = [
  { row: 4, col: 3, severity: "warning", note: "措施仅为开会发文" },
  { row: 4, col: 3, severity: "error", note: "缺少佐证材料" },
  { row: 4, col: 4, severity: "warning", note: "距完成时限还有5天" },
  { row: 4, col: 5, severity: "info", note: "已完成但无佐证" },
  { row: 4, col: 2, severity: "error", note: "问题重复" },
  { row: 3, col: 5, severity: "info", note: "表头提示" },
  { row: 6, col: 6, severity: "error", note: "空白单元格" },
];

function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  return n === undefined ? "" : typeof n === "string" ? n : (n.texts ?? []).map((t) => t.text).join("");
}

const ours = (rgb: string) => ({ type: "pattern", pattern: "solid", fgColor: { argb: `FF${rgb}` } });

describe("marks on an .xlsx file", () => {
  it("writes fills and notes, keeps values, and clearMarks restores the sheet and its notes byte for byte", async () => {
    const original = await clerkLedger();
    const before = snapshot((await load(original)).getWorksheet("台账")!);
    const gridBefore = readGrid((await load(original)).getWorksheet("台账")!);

    const book = await openWorkbookFile(original, "台账.xlsx");
    await book.writeMarks("台账", MARKS);
    const marked = await load(await book.toBuffer());
    const ws = marked.getWorksheet("台账")!;

    expect(ws.getCell("C4").fill).toMatchObject(ours("FFC7CE"));
    expect(noteText(ws.getCell("C4"))).toBe("请核实措施\n【整改台账校验】措施仅为开会发文\n缺少佐证材料");
    expect(ws.getCell("D4").fill).toMatchObject(ours("FFEB9C"));
    expect(noteText(ws.getCell("D4"))).toBe("【整改台账校验】距完成时限还有5天");
    expect(ws.getCell("E4").fill).toMatchObject(ours("DDEBF7"));
    expect((ws.getCell("E4").note as ExcelJS.Comment).texts).toEqual([
      { text: "张三:", font: { bold: true, size: 9 } },
      { text: "\n已督办" },
      { text: "\n【整改台账校验】已完成但无佐证" },
    ]);
    expect(noteText(ws.getCell("F6"))).toBe("【整改台账校验】空白单元格");
    // The cell that shared E3's style keeps its own look; the theme fill's number format and font stay.
    expect(ws.getCell("D3").fill).toEqual(ours("00B050"));
    expect(ws.getCell("D5").numFmt).toBe((await load(original)).getWorksheet("台账")!.getCell("D5").numFmt);
    expect(readGrid(ws)).toEqual(gridBefore);
    expect(marked.worksheets.filter((w) => w.state === "veryHidden").map((w) => w.name)).toEqual(["ledger-check"]);

    // A later session: reopen the saved file and clear.
    const again = await openWorkbookFile(await book.toBuffer(), "台账.checked.xlsx");
    expect((await again.listSheets()).map((s) => s.name)).toEqual(["台账"]);
    expect(Object.keys(Object.values(again.marksState.marks)[0]!.cells).sort()).toEqual([
      "B4",
      "C4",
      "D4",
      "E3",
      "E4",
      "F6",
    ]);
    await again.clearMarks("台账");
    const clearedBytes = await again.toBuffer();
    const cleared = await load(clearedBytes);
    expect(snapshot(cleared.getWorksheet("台账")!)).toEqual(before);
    expect(cleared.worksheets.map((w) => w.name)).toEqual(["台账"]);
    expect(again.marksState.marks).toEqual({});
    // Byte for byte: the sheet part and the notes part are the original's again.
    const was = parts(original);
    const now = parts(clearedBytes);
    expect(text(now["xl/worksheets/sheet1.xml"])).toBe(text(was["xl/worksheets/sheet1.xml"]));
    expect(text(now["xl/comments1.xml"])).toBe(text(was["xl/comments1.xml"]));
    expect(Object.keys(now).sort()).toEqual(Object.keys(was).sort());
  });

  it("replaces earlier marks of the sheet instead of stacking them", async () => {
    const original = await clerkLedger();
    const before = snapshot((await load(original)).getWorksheet("台账")!);
    const book = await openWorkbookFile(original, "台账.xlsx");
    await book.writeMarks("台账", MARKS);
    await book.writeMarks("台账", [{ row: 4, col: 3, severity: "info", note: "第二次" }]);
    const ws = (await load(await book.toBuffer())).getWorksheet("台账")!;
    expect(noteText(ws.getCell("C4"))).toBe("请核实措施\n【整改台账校验】第二次");
    expect(ws.getCell("C4").fill).toMatchObject(ours("DDEBF7"));
    expect(ws.getCell("D4").note).toBeUndefined();
    expect(Object.keys(Object.values(book.marksState.marks)[0]!.cells)).toEqual(["C4"]);

    await book.writeMarks("台账", []);
    expect(book.marksState.marks).toEqual({});
    expect(snapshot((await load(await book.toBuffer())).getWorksheet("台账")!)).toEqual(before);
  });

  it("a recheck with the same marks writes the same notes part, our notes in cell order among the clerk's", async () => {
    const once = await openWorkbookFile(await clerkLedger(), "台账.xlsx");
    await once.writeMarks("台账", MARKS);
    const first = await once.toBuffer();
    const again = await openWorkbookFile(first, "台账.xlsx");
    await again.writeMarks("台账", MARKS);
    const comments = (b: Uint8Array) => Object.entries(parts(b)).find(([n]) => /comments\d*\.xml$/.test(n))?.[1];
    const refs = (b: Uint8Array) => [...text(comments(b)).matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1]);
    expect(refs(first)).toEqual(["E3", "B4", "C4", "D4", "E4", "F6"]);
    expect(refs(await again.toBuffer())).toEqual(refs(first));
    expect(text(comments(await again.toBuffer()))).toBe(text(comments(first)));
  });

  it("finds its marks by the sheet's name once a program renumbered the sheets (LibreOffice numbers them by place)", async () => {
    const original = await clerkLedger();
    const before = snapshot((await load(original)).getWorksheet("台账")!);
    const book = await openWorkbookFile(original, "台账.xlsx");
    await book.writeMarks("台账", MARKS);
    const writer = new XlsxWriter(await book.toBuffer());
    const ledger = writer.sheets().find((s) => s.name === "台账")!;
    const wb = writer.pkg.workbookPart();
    // A cover sheet put before the ledger took the ledger's sheetId; the ledger got a new one.
    writer.pkg.setText(
      wb,
      writer.pkg.text(wb)!.replace(ledger.tag, ledger.tag.replace(/sheetId="\d+"/, 'sheetId="9"')),
    );
    const renumbered = await openWorkbookFile(writer.toBytes(), "台账.xlsx");
    await renumbered.clearMarks("台账");
    expect(renumbered.marksState.marks).toEqual({});
    expect(snapshot((await load(await renumbered.toBuffer())).getWorksheet("台账")!)).toEqual(before);
  });

  it("clearMarks without marks is a no-op, and leaves the package as it was", async () => {
    const original = await clerkLedger();
    const book = await openWorkbookFile(original, "台账.xlsx");
    await book.clearMarks("台账");
    await book.clearMarks("没有这张表");
    expect(book.marksState).toEqual({ version: 2, marks: {}, generated: [], fills: [] });
    const was = parts(original);
    const now = parts(await book.toBuffer());
    for (const name of Object.keys(was)) expect(text(now[name]), name).toBe(text(was[name]));
  });

  it("marks a CSV by turning it into an xlsx, values kept as text", async () => {
    const csv = new TextEncoder().encode("序号,整改进展\n001,已完成\n");
    const book = await openWorkbookFile(csv, "D:\\台账\\二组台账.csv");
    expect(book.source).toBe("csv");
    expect(await book.listSheets()).toEqual([{ name: "二组台账", rowCount: 2, generated: false, visible: true }]);
    await book.writeMarks("二组台账", [{ row: 2, col: 2, severity: "warning", note: "无佐证" }]);
    const wb = await load(await book.toBuffer());
    const ws = wb.getWorksheet("二组台账")!;
    expect(readGrid(ws).values).toEqual([
      ["序号", "整改进展"],
      ["001", "已完成"],
    ]);
    expect(noteText(ws.getCell("B2"))).toBe("【整改台账校验】无佐证");
    expect((await book.readGrid("二组台账")).values[1]).toEqual(["001", "已完成"]);
  });

  it("refuses to mark a sheet that does not exist", async () => {
    const book = await openWorkbookFile(await clerkLedger(), "台账.xlsx");
    await expect(book.writeMarks("Sheet9", MARKS)).rejects.toThrow('no sheet named "Sheet9"');
  });

  it("clones each cell's own style: number format, font and borders stay, only the fill is ours", async () => {
    const wb = sampleLedger();
    const ws = wb.getWorksheet("台账")!;
    ws.getCell("C4").font = { bold: true, color: { argb: "FF0000FF" } };
    ws.getCell("C4").border = { top: { style: "thin" }, bottom: { style: "double" } };
    const writer = new XlsxWriter(await toBytes(wb));
    writer.writeMarks("台账", [
      { row: 4, col: 3, severity: "error", note: "a" },
      { row: 4, col: 4, severity: "error", note: "b" },
    ]);
    const back = (await load(writer.toBytes())).getWorksheet("台账")!;
    expect(back.getCell("C4").font).toMatchObject({ bold: true, color: { argb: "FF0000FF" } });
    expect(back.getCell("C4").border).toMatchObject({ top: { style: "thin" }, bottom: { style: "double" } });
    expect(back.getCell("D4").numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(back.getCell("D4").fill).toMatchObject(ours("FFC7CE"));
  });
});

describe("a workbook at Excel's limit of cell formats", () => {
  // Microsoft, "Excel specifications and limits": unique cell formats/cell styles 65,490. A
  // fill of ours is a format more; past the limit Excel opens the copy with "Too many different
  // cell formats". The cells that would need one more keep their style and get the note alone.
  const book = (xfs: number) =>
    handXlsx({
      sheets: [
        {
          name: "台账",
          rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c><c r="B1" s="1" t="inlineStr"><is><t>乙</t></is></c></row>',
        },
      ],
      xfs: Array.from({ length: xfs }, () => 0),
    });
  const cellXfs = (bytes: Uint8Array) => {
    const xml = text(parts(bytes)["xl/styles.xml"]);
    const section = /<cellXfs\b[^>]*count="(\d+)"[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)!;
    return { count: Number(section[1]), items: section[2]!.match(/<xf\b/g)!.length };
  };
  const MARKS: Mark[] = [
    { row: 1, col: 1, severity: "error", note: "缺少责任人" },
    { row: 1, col: 2, severity: "warning", note: "已逾期" },
  ];

  it("never writes a format past it: each cell past it is marked by its note, and counted", () => {
    for (const [start, filled] of [
      [MAX_CELL_XFS, 0],
      [MAX_CELL_XFS - 1, 1],
    ] as const) {
      const original = book(start);
      const writer = new XlsxWriter(original);
      expect(writer.writeMarks("台账", MARKS), `${start} formats`).toBe(MARKS.length - filled);
      const copy = writer.toBytes();
      expect(cellXfs(copy)).toEqual({
        count: Math.min(start + 1, MAX_CELL_XFS),
        items: Math.min(start + 1, MAX_CELL_XFS),
      });
      const sheet = text(parts(copy)["xl/worksheets/sheet1.xml"]);
      // The first flagged cell gets the one format left, if any; the other keeps its own style.
      expect(/<c\b(?=[^>]*\sr="A1")[^>]*\ss="(\d+)"/.exec(sheet)?.[1]).toBe(filled ? String(start) : undefined);
      expect(/<c\b(?=[^>]*\sr="B1")[^>]*\ss="(\d+)"/.exec(sheet)?.[1]).toBe("1");
      const comments = Object.entries(parts(copy)).find(([name]) => /comments\d*\.xml$/.test(name))!;
      for (const m of MARKS) expect(text(comments[1])).toContain(m.note);
      // A clear takes the notes off and leaves the cell formats as they were.
      const clear = new XlsxWriter(copy);
      clear.clearMarks("台账");
      const cleared = text(parts(clear.toBytes())["xl/worksheets/sheet1.xml"]);
      expect(cleared).toBe(text(parts(original)["xl/worksheets/sheet1.xml"]));
    }
  });

  it("says so in the check's notices, with how many cells, in the clerk's language", async () => {
    const sample = new Uint8Array(readFileSync(new URL("../../../samples/sample-ledger.xlsx", import.meta.url)));
    // The sample with its cell formats padded to the limit: every flagged cell would need one more.
    const files = unzipSync(sample);
    const styles = strFromU8(files["xl/styles.xml"]!).replace(
      /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/,
      (_, body: string) => {
        const n = body.match(/<xf\b/g)!.length;
        const pad = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'.repeat(MAX_CELL_XFS - n);
        return `<cellXfs count="${MAX_CELL_XFS}">${body}${pad}</cellXfs>`;
      },
    );
    const full = zipSync({ ...files, "xl/styles.xml": strToU8(styles) });
    for (const [bytes, lang, expected] of [
      [sample, "zh", undefined],
      [full, "zh", /^工作簿的单元格格式已达 Excel 的上限（65,490 种），(\d+)个待处理的单元格只加了批注、没有填色/],
      [
        full,
        "en",
        /^The workbook already holds as many cell formats as Excel allows \(65,490\): (\d+) flagged cells have a note/,
      ],
    ] as const) {
      const port = await openWorkbookFile(bytes, "sample.xlsx");
      const check = await checkWorkbook(port, makeConfig({ today: "2025-07-01", lang }));
      const cells = new Set(check.report.findings.map((f) => f.cell)).size;
      await markWorkbook(port, check);
      const notice = check.report.notices.find((n) => n.code === "marks-unfilled");
      if (!expected) {
        expect(notice).toBeUndefined();
        continue;
      }
      expect(notice?.message).toMatch(expected);
      expect(Number(expected.exec(notice!.message)![1])).toBe(cells);
    }
  });
});

describe("a state the Office.js host wrote (a very hidden sheet without our signed header)", () => {
  it("is not ours: left as it is, and its marks are not undone from it", async () => {
    const wb = sampleLedger();
    const state = wb.addWorksheet("ledger-check", { state: "veryHidden" });
    state.getCell("A1").value = JSON.stringify({
      version: 1,
      generatedSheets: [],
      marks: { 台账: { C4: { fill: null, note: null } } },
    });
    const original = await toBytes(wb);
    const book = await openWorkbookFile(original, "台账.xlsx");
    await book.clearMarks("台账");
    await book.writeMarks("台账", [{ row: 4, col: 3, severity: "error", note: "n" }]);
    const copy = parts(await book.toBuffer());
    expect(text(copy["xl/worksheets/sheet2.xml"])).toBe(text(parts(original)["xl/worksheets/sheet2.xml"]));
    const names = (await load(await book.toBuffer())).worksheets.map((w) => w.name);
    expect(names).toEqual(["台账", "ledger-check", "ledger-check (2)"]);
  });
});
