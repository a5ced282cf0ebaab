import type { Lang } from "../core/i18n.js";
import type { WorkbookPort } from "../hosts/workbook.js";

/**
 * What the pane needs from where it runs. The entry (index.tsx) builds one for Excel or for
 * the browser preview; the e2e harness builds one over a fake Excel. The pane itself never
 * asks which Office it is in, nor which Office APIs it may use: everything it may vary on is here.
 */

/** One workbook's settings. */
export interface SettingsStore {
  /**
   * `workbook` names whose settings: "" in Excel (the settings live in the open workbook
   * itself), the file's key (pane-settings.settingsKey) in the preview.
   */
  load(workbook: string): Promise<unknown | null>;
  save(workbook: string, value: unknown): Promise<void>;
}

/** The clerk's language choice: a preference of the person, not of a workbook. */
export interface LangStore {
  load(): Lang | null;
  save(lang: Lang): void;
}

export interface PaneHost {
  kind: "excel" | "preview";
  /** In Excel: the workbook. In the preview: null (the pane opens the clerk's file itself). */
  port: WorkbookPort | null;
  settings: SettingsStore;
  langStore: LangStore;
  /** The language the pane starts in (the clerk's choice, else the host's display language). */
  lang: Lang;
  theme: "light" | "dark";
  /** Check-date override (?today=YYYY-MM-DD in the preview). */
  today?: string;
  /** Why the pane cannot work on this host, or null: the host's answer, not a component's question. */
  problem: "api-too-old" | null;
  /**
   * Whether the webview saves a file the pane hands it. Excel on the web and on Windows do (the
   * download shows in the pane: office-js#1793); in Excel on Mac and iPad a download link does
   * nothing (office-js#3385), so the pane says so and offers the sheet instead.
   */
  downloads: boolean;
}

/** localStorage, when there is one (private mode or a locked-down webview may refuse it). */
export function localLangStore(key = "ledger-check.lang"): LangStore {
  return {
    load: () => {
      try {
        const v = globalThis.localStorage?.getItem(key);
        return v === "zh" || v === "en" ? v : null;
      } catch {
        return null;
      }
    },
    save: (lang) => {
      try {
        globalThis.localStorage?.setItem(key, lang);
      } catch {
        // Not kept: the choice lasts for this session only.
      }
    },
  };
}
