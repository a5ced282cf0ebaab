import type { z } from "zod";
import { ConfigSchema, makeConfig, type Config } from "../core/config.js";
import type { Lang } from "../core/i18n.js";
import { PAPER_ONLY_REASONS } from "../core/report.js";
import { reasonTitle } from "../core/rules/index.js";
import { say, type PaneWords } from "./i18n.js";

/**
 * What the pane remembers for one workbook: the part of the engine's Config a clerk sets
 * (derived from ConfigSchema, not restated). In Excel it lives in the workbook itself (document
 * settings); in the preview it is kept per file in localStorage (see settingsKey), so settings
 * typed for one ledger never reach another. Stored values come from older versions, other
 * machines or hand edits, so every field is validated on its own: a bad field falls back to its
 * default and the rest survive; nothing stored can crash the pane.
 */
export const PaneSettingsSchema = ConfigSchema.pick({
  today: true,
  dueSoonDays: true,
  paperOnly: true,
  bulletin: true,
  sheet: true,
  headerRow: true,
  columns: true,
}).partial();
export type PaneSettings = z.input<typeof PaneSettingsSchema>;

/** The detection overrides (sheet, header row, columns) within a workbook's settings. */
export type LedgerOverrides = Pick<PaneSettings, "sheet" | "headerRow" | "columns">;

/** Config's defaults, as the settings form shows them. */
export const DEFAULTS = PaneSettingsSchema.parse({});
export const DEFAULT_DUE_SOON_DAYS = DEFAULTS.dueSoonDays ?? 10;

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
  let record = stored as Record<string, unknown>;
  // Settings saved by 0.1 kept the detection overrides under `ledgers[""]` (Excel) or by file name.
  const legacy = (record.ledgers as Record<string, unknown> | undefined)?.[""];
  if (legacy && typeof legacy === "object") record = { ...(legacy as object), ...record };
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(PaneSettingsSchema.shape)) {
    if (record[key] === undefined) continue;
    const field = (schema as z.ZodType).safeParse(record[key]);
    if (field.success && field.data !== undefined) out[key] = field.data;
  }
  return out as PaneSettings;
}

export interface ConfigContext {
  lang: Lang;
  /** The date to check against when the settings name none (host override or the local date). */
  today: string;
}

/** The engine's Config from the pane's settings; never throws on settings parseSettings accepted. */
export function configFromSettings(settings: PaneSettings, ctx: ConfigContext): Config {
  const { bulletin, columns, ...rest } = settings;
  return makeConfig({
    ...definedOnly(rest),
    today: settings.today ?? ctx.today,
    lang: ctx.lang,
    columns: definedOnly(columns ?? {}),
    bulletin: nonEmpty(bulletin ?? {}),
  });
}

/** The date a check with these settings uses. */
export function checkDate(settings: PaneSettings, today: string): string {
  return settings.today ?? today;
}

/** Replaces the detection overrides, dropping empty ones so the stored value stays small. */
export function withOverrides(settings: PaneSettings, overrides: LedgerOverrides): PaneSettings {
  const { sheet: _s, headerRow: _h, columns: _c, ...rest } = settings;
  const clean: PaneSettings = { ...rest };
  if (overrides.sheet) clean.sheet = overrides.sheet;
  if (overrides.headerRow !== undefined) clean.headerRow = overrides.headerRow;
  const columns = Object.fromEntries(Object.entries(overrides.columns ?? {}).filter(([, v]) => v));
  if (Object.keys(columns).length > 0) clean.columns = columns;
  return clean;
}

/**
 * The settings that differ from the defaults, as the clerk reads them (`校验日期 2025-06-01`,
 * `临期提醒天数 5`, `通报标题 …`): shown when a file's saved settings are restored, before they are used.
 */
export function changedSettings(settings: PaneSettings, w: PaneWords, lang: Lang): string[] {
  const out: string[] = [];
  if (settings.today) out.push(`${w.checkDate} ${settings.today}`);
  if (settings.dueSoonDays !== undefined && settings.dueSoonDays !== DEFAULT_DUE_SOON_DAYS)
    out.push(`${w.dueSoonDays} ${settings.dueSoonDays}`);
  for (const reason of PAPER_ONLY_REASONS)
    if (settings.paperOnly?.[reason] === false) out.push(`${w.paperChecks}·${reasonTitle(reason, lang)} ✕`);
  const b = settings.bulletin ?? {};
  const labels = {
    title: w.bulletinTitle,
    issuer: w.issuer,
    body: w.body,
    inspection: w.inspection,
    recipient: w.recipient,
    date: w.issueDate,
    feedbackDate: w.feedbackDate,
  } as const;
  for (const key of Object.keys(labels) as (keyof typeof labels)[]) {
    const v = b[key]?.trim();
    if (v) out.push(`${labels[key]}“${v.length > 16 ? `${v.slice(0, 16)}…` : v}”`);
  }
  if (settings.sheet) out.push(`${w.sheet}“${settings.sheet}”`);
  if (settings.headerRow !== undefined) out.push(`${w.headerRow} ${settings.headerRow}`);
  const cols = Object.entries(settings.columns ?? {}).filter(([, v]) => v);
  if (cols.length > 0)
    out.push(`${w.columns} ${cols.map(([f, v]) => `${w.fields[f as keyof PaneWords["fields"]]}=${v}`).join(" ")}`);
  return out;
}

/** `changedSettings` as one line: `校验日期 2025-06-01、临期提醒天数 5`. */
export function restoredMessage(settings: PaneSettings, w: PaneWords, lang: Lang): string | null {
  const list = changedSettings(settings, w, lang);
  return list.length === 0 ? null : say(w.settingsRestored, { list: list.join(w.listSeparator) });
}

/**
 * The preview's storage key for one file: its name and size. A different ledger (another
 * name, or the same name with other contents) starts from the defaults; the same file opened
 * again gets its settings back, and is told so.
 */
export function settingsKey(file: { name: string; size: number }): string {
  return `ledger-check.settings:${file.size}:${file.name}`;
}

/** The local calendar date as YYYY-MM-DD: the clerk's "today", not UTC's. */
export function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as Partial<T>;
}

function nonEmpty<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => typeof v === "string" && v.trim() !== ""),
  ) as Partial<T>;
}
