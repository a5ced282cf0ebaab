import type { Grid } from "../../core/grid.js";
import { Checksum } from "./state-part.js";

/**
 * A sheet's content print: a checksum of what it shows, every cell with a value by its place,
 * kind and value (empty text is no value: programs drop such cells). It is what survives a
 * program that saves the cells anew and drops the rest (LibreOffice writes our inline strings as
 * shared ones and drops code names), so a sheet we generated is still known as ours when it still
 * shows exactly what we wrote. Only the values count: styles and widths change on such a save.
 */
export class ContentPrint {
  private readonly sum = new Checksum();
  private cells = 0;

  /** One cell, in reading order (row by row, left to right). */
  add(row: number, col: number, value: string | number): void {
    if (value === "") return;
    this.sum.addInt(row);
    this.sum.addInt(col);
    // The kind, then the value: 3 and "3" differ; the length closes it, so cells can't run together.
    if (typeof value === "number") {
      const text = String(value);
      this.sum.addInt(0x10000 + text.length);
      this.sum.add(text);
    } else {
      this.sum.addInt(0x20000 + value.length);
      this.sum.add(value);
    }
    this.cells++;
  }

  digest(): string {
    return `${this.cells}:${this.sum.digest()}`;
  }
}

/**
 * The print of a grid as the reader gives it. A value the generated sheets never hold (a
 * boolean, a date, an error) makes a print no sheet of ours can have.
 */
export function gridPrint(grid: Grid): string {
  const print = new ContentPrint();
  const { row: top, col: left } = grid.origin;
  for (let r = 0; r < grid.values.length; r++) {
    const row = grid.values[r]!;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      if (typeof v === "string" || typeof v === "number") print.add(top + r, left + c, v);
      else return "not ours";
    }
  }
  return print.digest();
}
