import type { CellValue } from "../grid.js";
import type { Field } from "../fields.js";
import type { DeadlineMeaning, StatusMeaning } from "../parse/meaning.js";
import type { PairFirst } from "./headers.js";
import type { StatedCounts } from "./stated.js";
import type { LedgerTitle } from "./title.js";

/** Where the ledger sits in its sheet. Rows and columns are worksheet numbers (1-based). */
export interface LedgerLayout {
  sheet: string;
  /** The header's last row (the one whose cells name the fields). */
  headerRow: number;
  /** Every row the header spans (two for a grouped header). */
  headerRows: number[];
  /** Column of each field found; absent fields are missing. */
  columns: Partial<Record<Field, number>>;
  /** The header text each column was recognised by. */
  headers: Partial<Record<Field, string>>;
  /** How well the header matched (higher is better); used to pick the ledger sheet. */
  score: number;
  /**
   * A column holding the lead and the department at once (`责任领导/责任部门`): `columns` gives it
   * to both, and each cell is split on its `/`, `first` standing left.
   */
  pair?: { col: number; first: PairFirst };
  /**
   * A second deadline column, the approved new one (`调整后时限`): where its cell is filled in it
   * is the task's deadline, else the original's (`columns.deadline`) is.
   */
  adjustedDeadline?: number;
}

export interface TaskCell {
  row: number;
  col: number;
  /** The cell's value (a formula cell's cached result, never its formula). */
  value: CellValue;
  /**
   * What the cell says for this field: its trimmed display text, "" when empty or only a
   * placeholder (`无`, `/`, `——`, `待补充`; `待定` as a deadline), and one side of a cell split
   * between two fields (`张某/总务处` is `张某` as the lead, `总务处` as the department).
   */
  text: string;
  /** The cell's whole display text, where it differs from `text` (a placeholder, a split cell). */
  shown?: string;
}

/** One rectification task: one data row, with merged values filled in from their masters. */
export interface Task {
  row: number;
  /** One cell per field the ledger has. A merged cell's TaskCell is shared by the rows under it. */
  cells: Partial<Record<Field, TaskCell>>;
  /** The category caption above this task (`（一）……方面`), if any. */
  category?: string;
  deadline: DeadlineMeaning;
  status: StatusMeaning;
}

export interface Ledger {
  layout: LedgerLayout;
  tasks: Task[];
  /** Who inspected whom, from the title rows above the header; `{}` when they do not say. */
  title: LedgerTitle;
  /** What a footer says the ledger holds (`本清单共17项问题、21条整改措施`), when one says it. */
  stated?: StatedCounts;
}

/** The task's trimmed text for a field ("" when empty or the column is absent). */
export function fieldText(task: Task, field: Field): string {
  return task.cells[field]?.text ?? "";
}
