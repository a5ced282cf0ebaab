import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { csvSheetName, detectFormat, openWorkbookFile, WorkbookOpenError } from "../../../src/hosts/xlsx/open.js";
import { sampleLedger, toBytes } from "./helpers.js";

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE2 compound file header followed by a directory entry name in UTF-16LE. */
function ole2With(streamName: string): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes.set(OLE2, 0);
  for (let i = 0; i < streamName.length; i++) bytes[512 + 2 * i] = streamName.charCodeAt(i);
  return bytes;
}

async function openError(bytes: Uint8Array, name: string): Promise<WorkbookOpenError> {
  try {
    await openWorkbookFile(bytes, name);
  } catch (e) {
    if (e instanceof WorkbookOpenError) return e;
    throw e;
  }
  throw new Error("opened");
}

describe("openWorkbookFile", () => {
  it("opens an .xlsx by its zip magic, whatever the name", async () => {
    const bytes = await toBytes(sampleLedger());
    for (const name of ["台账.xlsx", "台账", "台账.XLSX"]) {
      const book = await openWorkbookFile(bytes, name);
      expect(book.source).toBe("xlsx");
      expect((await book.listSheets()).map((s) => s.name)).toEqual(["台账"]);
    }
  });

  it("opens a CSV by its name", async () => {
    const book = await openWorkbookFile(new TextEncoder().encode("a,b\n1,2\n"), "/tmp/巡察台账.CSV");
    expect(book.source).toBe("csv");
    expect((await book.readGrid("巡察台账")).values).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("recognises a legacy .xls and says how to fix it", async () => {
    const e = await openError(ole2With("Workbook"), "台账.xls");
    expect(e.code).toBe("xls");
    expect(e.messages.zh).toBe("这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再校验。");
    expect(e.message).toBe(e.messages.en);
    // The magic decides, not the name.
    expect((await openError(ole2With("Workbook"), "台账.xlsx")).code).toBe("xls");
  });

  it("recognises a password-protected xlsx (an OLE2 file holding EncryptedPackage)", async () => {
    const e = await openError(ole2With("EncryptedPackage"), "台账.xlsx");
    expect(e.code).toBe("encrypted");
    expect(e.messages.zh).toContain("密码");
  });

  it("calls a damaged zip corrupt", async () => {
    const good = await toBytes(sampleLedger());
    expect((await openError(good.slice(0, Math.floor(good.length / 2)), "台账.xlsx")).code).toBe("corrupt");
    expect((await openError(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "台账.xlsx")).code).toBe("corrupt");
  });

  it("says what a web table or a 2003 XML workbook under an Excel name is, and reads a CSV so named", async () => {
    // Business systems export "Excel" as an HTML table or SpreadsheetML 2003 named .xls; "damaged"
    // sent the clerk looking for a good copy of a file that is fine.
    const html = new TextEncoder().encode(
      '\uFEFF<html><head><meta charset="utf-8"></head><body><table><tr><td>序号</td></tr></table>',
    );
    const e = await openError(html, "整改台账.xls");
    expect(e.code).toBe("disguised-file");
    expect(e.messages.zh).toBe(
      "这个文件的扩展名是 .xls，内容却是网页（HTML）表格（常见于业务系统导出的“Excel”），请在 Excel 或 WPS 中打开，另存为 .xlsx 后再校验。",
    );
    const xml =
      '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">';
    expect((await openError(new TextEncoder().encode(xml), "台账.xlsx")).code).toBe("disguised-file");
    const csv =
      "序号,反馈问题,整改措施,责任领导,责任部门,整改时限,整改进展\n1,问题,措施,张某,办公室,2025-06-30,正在推进\n";
    const port = await openWorkbookFile(new TextEncoder().encode(csv), "台账.xlsx");
    expect(port.source).toBe("csv");
    // Random bytes stay damaged.
    expect(
      (
        await openError(
          new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 256),
          "台账.xlsx",
        )
      ).code,
    ).toBe("corrupt");
  });

  it("calls empty bytes an empty file", async () => {
    expect((await openError(new Uint8Array(0), "台账.xlsx")).code).toBe("empty-file");
    expect((await openError(new Uint8Array(0), "台账.csv")).code).toBe("empty-file");
  });

  it("refuses other formats", async () => {
    expect((await openError(new TextEncoder().encode("%PDF-1.4"), "台账.pdf")).code).toBe("unsupported");
    expect((await openError(await toBytes(sampleLedger()), "台账.xlsb")).code).toBe("unsupported");
  });

  it("every error has both languages", async () => {
    const codes = ["xls", "encrypted", "corrupt", "empty-file", "unsupported"] as const;
    expect(
      new WorkbookOpenError("disguised-file", undefined, { ext: "xls", kind: { zh: "网页", en: "a page" } }).messages
        .en,
    ).toContain(".xls");
    for (const code of codes) {
      const e = new WorkbookOpenError(code);
      expect(e.code).toBe(code);
      expect(e.messages.zh.length).toBeGreaterThan(5);
      expect(e.messages.en.length).toBeGreaterThan(5);
      expect(e.messages.zh).not.toContain("\n");
    }
  });
});

describe("detectFormat and csvSheetName", () => {
  it("detects by magic, then by name", () => {
    expect(detectFormat(new Uint8Array([0x50, 0x4b, 3, 4]), "x.csv")).toBe("xlsx");
    expect(detectFormat(new TextEncoder().encode("a,b"), "x.txt")).toBe("csv");
    expect(detectFormat(new TextEncoder().encode("a,b"), "x")).toBe("unknown");
  });

  it("names the CSV's sheet after the file, within Excel's rules", () => {
    expect(csvSheetName("C:\\data\\2025年[二组]台账.csv")).toBe("2025年_二组_台账");
    expect(csvSheetName("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三.csv")).toBe(
      "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一",
    );
    expect(csvSheetName("")).toBe("Sheet1");
    expect(csvSheetName("C:\\data\\")).toBe("Sheet1");
  });
});

describe("XlsxWorkbook.listSheets", () => {
  it("reports sizes and visibility", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("台账").getCell("C7").value = "x";
    wb.addWorksheet("隐藏", { state: "hidden" });
    const book = await openWorkbookFile(await toBytes(wb), "a.xlsx");
    expect(await book.listSheets()).toEqual([
      { name: "台账", rowCount: 7, generated: false, visible: true },
      { name: "隐藏", rowCount: 0, generated: false, visible: false },
    ]);
  });
});
