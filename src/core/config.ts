import { z } from "zod";
import { FIELDS } from "./fields.js";
import { ISO_DATE } from "./dates.js";
import { LangSchema } from "./i18n.js";
import { PAPER_ONLY_REASONS, RULE_IDS } from "./rules/index.js";

/**
 * Configuration of a check: the CLI's options, the task pane's settings (stored in the
 * workbook) and the tests all go through this one schema.
 */

// Small shared schemas, each written once (the report, the pane's settings and snapshots use them).

/** A calendar date as the engine writes it: `2025-06-30`. */
export const IsoDateSchema = z.string().regex(ISO_DATE, "expected YYYY-MM-DD");

/** Column letters as the report writes them: upper case, `A` to `XFD`. */
export const ColumnLetterSchema = z.string().regex(/^[A-Z]{1,3}$/, "expected column letters (A–XFD)");

/** Column letters as a person types them (`h` or `H`): read in either case, kept upper case. */
export const ColumnLetterInputSchema = z
  .string()
  .regex(/^[A-Za-z]{1,3}$/, "expected column letters (A–XFD)")
  .transform((s) => s.toUpperCase());

export const BulletinOptionsSchema = z.object({
  /** The inspected body: `市教育局党组`. Read from the ledger's title rows when absent. */
  body: z.string().optional(),
  /** The inspection: `市委第三巡察组`. Read from the ledger's title when absent. */
  inspection: z.string().optional(),
  /** A full title that replaces the generated one. */
  title: z.string().optional(),
  /** Who issues the bulletin (title and signature); defaults to the inspected body. */
  issuer: z.string().optional(),
  /** 巡视 or 巡察, when the title rows do not say; the bulletin never guesses it. */
  kind: z.enum(["巡视", "巡察"]).optional(),
  /** 主送机关 with its colon (`各党支部、各部门：`); "" for none. */
  recipient: z.string().optional(),
  /** 成文日期 (YYYY-MM-DD); defaults to the check date. */
  date: IsoDateSchema.optional(),
  /** When the inspection gave its feedback (反馈意见), as a real bulletin's opening says it. */
  feedbackDate: IsoDateSchema.optional(),
});
export type BulletinOptions = z.infer<typeof BulletinOptionsSchema>;

/** The 督办清单: red is overdue, yellow is the due-soon window, green this wider one. */
export const NoticeOptionsSchema = z.object({
  /** Green: unfinished tasks due within this many days. */
  watchDays: z.number().int().min(0).max(365).default(20),
  /** Days a department has to reply, counted from the check date. */
  replyDays: z.number().int().min(1).max(90).default(7),
});

export const ConfigSchema = z.object({
  today: IsoDateSchema,
  lang: LangSchema.default("zh"),
  dueSoonDays: z.number().int().min(0).max(365).default(10),
  /** Rule switches; every rule is on unless set to false. */
  rules: z.partialRecord(z.enum(RULE_IDS), z.boolean()).default({}),
  /** Paper-only checks, each on unless set to false. */
  paperOnly: z.partialRecord(z.enum(PAPER_ONLY_REASONS), z.boolean()).default({}),
  /** Overrides of what detection finds. */
  sheet: z.string().optional(),
  headerRow: z.number().int().positive().optional(),
  /** Column letters by field, overriding the header mapping. */
  columns: z.partialRecord(z.enum(FIELDS), ColumnLetterInputSchema).default({}),
  bulletin: BulletinOptionsSchema.default({}),
  notices: NoticeOptionsSchema.default({ watchDays: 20, replyDays: 7 }),
});
export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

export function makeConfig(input: ConfigInput): Config {
  return ConfigSchema.parse(input);
}
