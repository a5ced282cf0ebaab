import { z } from "zod";
import { BulletinOptionsSchema, makeConfig, type Config } from "../core/config.js";
import { FIELDS } from "../core/fields.js";
import { PAPER_ONLY_REASONS } from "../core/report.js";

/**
 * What the pane remembers between sessions (through PaneHost.settings: the document's
 * settings in Excel, localStorage in the preview). Stored values come from older versions,
 * other machines or hand edits, so every field is validated on its own: a bad field falls
 * back to its default and the rest survive; nothing stored can crash the pane.
 */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ColumnLetter = z.string().regex(/^[A-Z]{1,3}$/);

/** Detection overrides for one workbook (Config's `sheet`, `headerRow`, `columns`). */
export const LedgerOverridesSchema = z.object({
  sheet: z.string().min(1).optional(),
  headerRow: z.number().int().positive().max(1_048_576).optional(),
  columns: z.partialRecord(z.enum(FIELDS), ColumnLetter).optional(),
});
export type LedgerOverrides = z.infer<typeof LedgerOverridesSchema>;

export const PaneSettingsSchema = z.object({
  today: IsoDate.optional(),
  dueSoonDays: z.number().int().min(0).max(365).optional(),
  paperOnly: z.partialRecord(z.enum(PAPER_ONLY_REASONS), z.boolean()).optional(),
  bulletin: BulletinOptionsSchema.optional(),
  /**
   * Overrides by workbook: in Excel the settings live in the workbook itself (key ""); the
   * preview keeps one store for every file, so overrides are keyed by file name.
   */
  ledgers: z.record(z.string(), LedgerOverridesSchema).optional(),
});
export type PaneSettings = z.infer<typeof PaneSettingsSchema>;

export const DEFAULT_DUE_SOON_DAYS = 10;

/** Any stored value → valid settings; fields that fail validation are dropped, not fatal. */
export function parseSettings(stored: unknown): PaneSettings {
  if (typeof stored === "string") {
    try {
      return parseSettings(JSON.parse(stored));
    } catch {
      return {};
    }
  }
  if (stored === null || typeof stored !== "object" || Array.isArray(stored)) return {};
  const whole = PaneSettingsSchema.safeParse(stored);
  if (whole.success) return whole.data;
  const out: Record<string, unknown> = {};
  const record = stored as Record<string, unknown>;
  for (const [key, schema] of Object.entries(PaneSettingsSchema.shape)) {
    const field = (schema as z.ZodType).safeParse(record[key]);
    if (field.success && field.data !== undefined) out[key] = field.data;
  }
  return out as PaneSettings;
}

export interface ConfigContext {
  lang: "zh" | "en";
  /** The date to check against when the settings name none (host override or the local date). */
  today: string;
  /** Which workbook's overrides apply ("" in Excel, the file name in the preview). */
  workbook: string;
}

/** The engine's Config from the pane's settings; never throws on settings parseSettings accepted. */
export function configFromSettings(settings: PaneSettings, ctx: ConfigContext): Config {
  const overrides = settings.ledgers?.[ctx.workbook] ?? {};
  return makeConfig({
    today: settings.today ?? ctx.today,
    lang: ctx.lang,
    dueSoonDays: settings.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
    paperOnly: settings.paperOnly ?? {},
    ...(overrides.sheet !== undefined ? { sheet: overrides.sheet } : {}),
    ...(overrides.headerRow !== undefined ? { headerRow: overrides.headerRow } : {}),
    columns: overrides.columns ?? {},
    bulletin: nonEmpty(settings.bulletin ?? {}),
  });
}

/** Replaces one workbook's overrides, dropping empty ones so the stored value stays small. */
export function withOverrides(settings: PaneSettings, workbook: string, overrides: LedgerOverrides): PaneSettings {
  const clean: LedgerOverrides = {};
  if (overrides.sheet) clean.sheet = overrides.sheet;
  if (overrides.headerRow !== undefined) clean.headerRow = overrides.headerRow;
  const columns = Object.fromEntries(Object.entries(overrides.columns ?? {}).filter(([, v]) => v));
  if (Object.keys(columns).length > 0) clean.columns = columns;
  const ledgers = { ...settings.ledgers };
  if (Object.keys(clean).length === 0) delete ledgers[workbook];
  else ledgers[workbook] = clean;
  return { ...settings, ledgers };
}

/** The local calendar date as YYYY-MM-DD: the clerk's "today", not UTC's. */
export function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function nonEmpty<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => typeof v === "string" && v.trim() !== ""),
  ) as Partial<T>;
}
