import { bulletinOf, type WorkbookCheck } from "../app/check-workbook.js";
import { layoutBulletin } from "../core/bulletin/layout.js";
import { sheetDocumentToXlsx } from "../hosts/xlsx/blank-package.js";

/**
 * The preview's file work, loaded only when the clerk opens a file (its own chunk: Excel's pane
 * never needs an xlsx reader or writer).
 */
export { openWorkbookFile } from "../hosts/xlsx/open.js";

/** A workbook holding only the bulletin sheet, as 生成通报 lays it out: 下载通报（仅通报）. */
export function bulletinWorkbook(check: WorkbookCheck): Uint8Array {
  const lang = check.report.lang;
  return sheetDocumentToXlsx(layoutBulletin(bulletinOf(check), lang));
}
