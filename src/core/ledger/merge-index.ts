import type { Grid, MergedArea } from "../grid.js";

/**
 * Finds the merged area covering a cell. Built once per grid: a 50,000-row ledger with a merge
 * every few rows must not scan the merge list per cell. Areas are listed per row they span (a
 * row meets a handful at most), so a lookup reads one short array and allocates nothing; a map
 * keyed by cell would hold an entry for every merged cell and cost more to build than to use.
 */
export class MergeIndex {
  private readonly byRow: (MergedArea[] | undefined)[] = [];

  constructor(merges: readonly MergedArea[]) {
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) (this.byRow[r] ??= []).push(m);
    }
  }

  static of(grid: Grid): MergeIndex {
    return new MergeIndex(grid.merges);
  }

  areaAt(row: number, col: number): MergedArea | undefined {
    const areas = this.byRow[row];
    if (areas === undefined) return undefined;
    for (let i = 0; i < areas.length; i++) {
      const m = areas[i]!;
      if (col >= m.left && col <= m.right) return m;
    }
    return undefined;
  }

  /** The cell whose value shows at (row, col): the merge's top-left, or the cell itself. */
  masterOf(row: number, col: number): { row: number; col: number } {
    const m = this.areaAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }
}
