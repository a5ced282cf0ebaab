import type { Grid, MergedArea } from "../grid.js";

/**
 * Finds the merged area covering a cell in O(1). Built once per grid: a 50,000-row ledger
 * with a merge every few rows must not scan the merge list per cell.
 */
export class MergeIndex {
  private readonly byCell = new Map<number, MergedArea>();

  constructor(merges: readonly MergedArea[]) {
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.byCell.set(key(r, c), m);
      }
    }
  }

  static of(grid: Grid): MergeIndex {
    return new MergeIndex(grid.merges);
  }

  areaAt(row: number, col: number): MergedArea | undefined {
    return this.byCell.get(key(row, col));
  }

  /** The cell whose value shows at (row, col): the merge's top-left, or the cell itself. */
  masterOf(row: number, col: number): { row: number; col: number } {
    const m = this.byCell.get(key(row, col));
    return m ? { row: m.top, col: m.left } : { row, col };
  }
}

function key(row: number, col: number): number {
  return row * 20_000 + col;
}
