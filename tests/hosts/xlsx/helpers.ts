import ExcelJS from "exceljs";

/** Saves an exceljs workbook to .xlsx bytes and loads it back, as a file on disk would be. */
export async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return load(await toBytes(wb));
}

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** A small ledger the way clerks make them: title rows, merges, a date, an error result, rich text. */
export function sampleLedger(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  ws.getCell("A1").value = "区委第二巡察组反馈意见整改落实台账";
  ws.mergeCells("A1:E1");
  ws.getCell("A2").value = "填报单位：区教委  填报时间：2025年6月30日";
  ws.mergeCells("A2:E2");
  ws.getRow(3).values = ["序号", "反馈问题", "整改措施", "完成时限", "整改进展"];
  ws.getCell("A3").value = { richText: [{ text: "序", font: { bold: true } }, { text: "号" }] };
  ws.getRow(4).values = [1, "问题一", "措施甲", null, "已完成"];
  ws.getCell("D4").value = new Date(Date.UTC(2025, 5, 30));
  ws.getCell("D4").numFmt = 'yyyy"年"m"月"d"日"';
  ws.getRow(5).values = [null, null, "措施乙", null, { text: "进行中", hyperlink: "https://example.org/" }];
  ws.getCell("D5").value = { formula: "VLOOKUP(B5,X:Y,2,0)", result: { error: "#N/A" } } as ExcelJS.CellValue;
  ws.mergeCells("A4:A5");
  ws.mergeCells("B4:B5");
  return wb;
}
