import type { WorkbookPort } from "../hosts/workbook.js";

/**
 * What the pane needs from where it runs. The entry (index.tsx) builds one for Excel or for
 * the browser preview; the e2e harness builds one over a fake Excel. The pane itself never
 * asks which Office it is in: everything it may vary on is here.
 */

export interface SettingsStore {
  load(): Promise<unknown | null>;
  save(value: unknown): Promise<void>;
}

export interface PaneHost {
  kind: "excel" | "preview";
  /** In Excel: the workbook. In the preview: null until the clerk opens a file (the pane opens it itself). */
  port: WorkbookPort | null;
  settings: SettingsStore;
  lang: "zh" | "en";
  theme: "light" | "dark";
  /** Check-date override (?today=YYYY-MM-DD in the preview). */
  today?: string;
}
