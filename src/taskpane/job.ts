import { LedgerError } from "../core/errors.js";
import type { Lang } from "../core/i18n.js";
import { say, words } from "./i18n.js";

/**
 * Helpers around running the one-click job from the pane: keeping the UI responsive and
 * turning failures into the clerk's one-line message.
 */

/** A macrotask: lets React commit and the browser paint the stage text before work goes on. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The one line the clerk sees. A LedgerError (WorkbookOpenError is one) already speaks to the
 * clerk; anything else is unexpected and framed as "nothing changed" or "not done".
 */
export function errorMessage(e: unknown, lang: Lang, reading: boolean): string {
  if (e instanceof LedgerError) return e.text[lang];
  const w = words(lang);
  const detail = e instanceof Error ? e.message : String(e);
  return say(reading ? w.readFailed : w.actionFailed, { detail });
}
