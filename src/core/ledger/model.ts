import type { IsoDate } from "../dates.js";
import { EXCEL_ERRORS, type CellValue } from "../grid.js";
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

/** A deadline written only as a date, in any notation (`2025-06-15`, `2025/6/15 0:00:00`, `2025年6月15日`). */
const DATE_NOTATION = /^[\d\s./\-:年月日号]+$/;

/**
 * The deadline as a document prints it: a day written only as a date (a date cell shown as
 * `2025/6/15 0:00:00` by its format) in the document's own form (`formatDate`: `2025年6月15日`,
 * or `2025-06-15` in a finding's message, which serves both languages), one form for every row;
 * words (`6月底前`, `原定…，调整为…`) as the clerk wrote them; an error value (`#N/A`, a failed
 * lookup) as nothing, for it is no words of the clerk's.
 */
export function deadlineShown(task: Task | undefined, formatDate: (date: IsoDate) => string = (d) => d): string {
  if (!task) return "";
  const written = fieldText(task, "deadline").replace(/\s+/g, " ").trim();
  if (EXCEL_ERRORS.has(written.toUpperCase())) return "";
  const d = task.deadline;
  return d.kind === "date" && d.precision === "day" && DATE_NOTATION.test(written) ? formatDate(d.date) : written;
}
