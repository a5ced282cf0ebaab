/// <reference types="office-js" />

/**
 * The task pane's settings, kept in the document (`Office.context.document.settings`) so that
 * colleagues who share the workbook share them too. The value is opaque here: the caller
 * validates it (config.ts's zod schema) and treats anything unreadable as "no settings".
 */

/** The part of Office.Settings this module needs; injectable for tests. */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void;
}

export const SETTINGS_KEY = "ledger-check.settings";

function documentSettings(): SettingsStore {
  return Office.context.document.settings as unknown as SettingsStore;
}

/** The saved settings, or undefined when the workbook has none. */
export function loadSettings(store: SettingsStore = documentSettings()): unknown {
  const value = store.get(SETTINGS_KEY);
  return value === null ? undefined : value;
}

/** Stores the settings in the workbook; resolves once Office has saved them with the document. */
export function saveSettings(value: unknown, store: SettingsStore = documentSettings()): Promise<void> {
  // Office serialises settings as JSON: a round trip drops functions, undefined and Dates' type.
  store.set(SETTINGS_KEY, JSON.parse(JSON.stringify(value ?? null)));
  return new Promise((resolve, reject) =>
    store.saveAsync((result) => {
      // Office.AsyncResultStatus.Failed is "failed"; compared as a string so tests need no Office global.
      if (String(result.status) === "failed") reject(new Error(result.error?.message ?? "saving settings failed"));
      else resolve();
    }),
  );
}
