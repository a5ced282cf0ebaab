import ExcelJS from "exceljs";
import { writeBulletin, type WorkbookCheck } from "../app/check-workbook.js";
import { XlsxWorkbook } from "../hosts/xlsx/xlsx-workbook.js";

/**
 * The preview's file work, loaded only when the clerk opens a file (its own chunk: Excel's pane
 * never needs an xlsx reader or writer).
 */
export { openWorkbookFile } from "../hosts/xlsx/open.js";

/** A workbook holding only the bulletin sheet: 下载通报（仅通报）. */
export async function bulletinWorkbook(check: WorkbookCheck): Promise<Uint8Array> {
  const wb = XlsxWorkbook.fromExcelJS(new ExcelJS.Workbook());
  await writeBulletin(wb, check);
  return wb.toBuffer();
}
