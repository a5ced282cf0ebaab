import { textAt, type Grid } from "../grid.js";
import type { LedgerLayout } from "./model.js";

export interface LedgerTitle {
  /** The inspection that gave the feedback: `市委第三巡察组`. */
  inspection?: string;
  /** The inspected body: `市教育局党组`. */
  body?: string;
}

const INSPECTION =
  /((?:[\u4e00-\u9fa5]{1,8}?)(?:委|省|市|区|县)?[\u4e00-\u9fa5]{0,6}?第[一二三四五六七八九十\d]+(?:巡视|巡察)组|[\u4e00-\u9fa5]{1,8}(?:巡视|巡察)组)/;
const BODY = /(?:填报单位|单位|部门)[:：]\s*([^\s:：]{2,30})/;

/**
 * Reads who inspected whom from the title rows above the header
 * (`市委第三巡察组反馈问题整改工作台账`, `单位：市教育局党组  更新日期：…`), so the bulletin's
 * title needs no typing when the ledger already says it.
 */
export function readTitle(grid: Grid, layout: LedgerLayout): LedgerTitle {
  const out: LedgerTitle = {};
  const top = Math.min(...layout.headerRows);
  for (let row = grid.origin.row; row < top; row++) {
    const text = textAt(grid, row, grid.origin.col).trim();
    if (!text) continue;
    const inspection = INSPECTION.exec(text)?.[1];
    if (inspection && !out.inspection) out.inspection = inspection;
    const body = BODY.exec(text)?.[1];
    if (body && !out.body) out.body = body;
  }
  return out;
}
