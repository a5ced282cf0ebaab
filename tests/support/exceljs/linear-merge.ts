import ExcelJS from "exceljs";

/**
 * exceljs checks each new merged area against every earlier one (exceljs issue #2689, fix proposed
 * in PR #2691), which is quadratic in the number of merges: loading a 10,000-row ledger with a few
 * thousand merged problems took minutes, and so did writing a long bulletin. This replacement refuses
 * the same overlaps by looking only at the cells of the new area: every cell of an existing merge is
 * either its master (merge count > 0) or a Merge-type cell, so `isMerged` tells. Applied once, on import.
 */

interface MergeDimensions {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface WorksheetInternals {
  _mergeCellsInternal(this: ExcelJS.Worksheet, d: MergeDimensions, ignoreStyle?: boolean): void;
  __ledgerCheckLinearMerge?: true;
}

const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet("probe")) as WorksheetInternals;

if (!proto.__ledgerCheckLinearMerge && typeof proto._mergeCellsInternal === "function") {
  proto.__ledgerCheckLinearMerge = true;
  proto._mergeCellsInternal = function (d, ignoreStyle) {
    for (let i = d.top; i <= d.bottom; i++) {
      for (let j = d.left; j <= d.right; j++) {
        if (this.findCell(i, j)?.isMerged) throw new Error("Cannot merge already merged cells");
      }
    }
    const master = this.getCell(d.top, d.left);
    for (let i = d.top; i <= d.bottom; i++) {
      for (let j = d.left; j <= d.right; j++) {
        if (i > d.top || j > d.left) {
          (this.getCell(i, j) as unknown as { merge(m: ExcelJS.Cell, ignoreStyle?: boolean): void }).merge(
            master,
            ignoreStyle,
          );
        }
      }
    }
    (this as unknown as { _merges: Record<string, MergeDimensions> })._merges[master.address] = d;
  };
}

export {};
