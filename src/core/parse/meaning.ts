import type { IsoDate } from "../dates.js";

/**
 * What a deadline cell means. A period (`2025年第三季度`) means its last day; a mixed
 * phrase (`2025年6月底前完成，长期坚持`) is a date that is also ongoing.
 */
export type DeadlineMeaning =
  | { kind: "empty" }
  | {
      kind: "date";
      date: IsoDate;
      /** How the clerk wrote it: an exact day or a period that ends on `date`. */
      precision: "day" | "week" | "xun" | "month" | "quarter" | "half" | "year";
      /** Also carries a 长期坚持-style phrase. */
      ongoing: boolean;
    }
  /** 立行立改, 即知即改: act at once; no date to be late against. */
  | { kind: "immediate" }
  /** 长期坚持, 持续推进, 常态化: no end date. */
  | { kind: "ongoing" }
  /** Present but unusable: free text, an error cell, an impossible date. */
  | { kind: "invalid"; text: string };

export type StatusKind = "done" | "in-progress" | "not-started" | "empty" | "unknown";

/** What a status cell means. `基本完成` is in progress, never done. */
export interface StatusMeaning {
  kind: StatusKind;
  text: string;
}
