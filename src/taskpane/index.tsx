/// <reference types="office-js" />
import { ExcelWorkbook } from "../hosts/excel/excel-workbook.js";
import { loadSettings, saveSettings } from "../hosts/excel/settings.js";
import type { PaneHost, SettingsStore } from "./pane-host.js";
import { renderPane } from "./render.js";
import { langFromDisplayLanguage, previewParams, themeFromBackground } from "./view-model.js";

/**
 * The entry: decide where the pane runs, then mount it. Inside Excel, Office.js reports the
 * host; anywhere else (a plain browser, or Office.js that never loads offline) the pane runs
 * as the browser preview. Office.onReady is never waited on without a time limit.
 */

const OFFICE_READY_TIMEOUT_MS = 1500;
const PREVIEW_SETTINGS_KEY = "ledger-check.settings";

type ReadyInfo = { host: Office.HostType | null } | null;

async function officeReady(): Promise<ReadyInfo> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.onReady) return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS));
  try {
    return await Promise.race([office.onReady().then((info) => ({ host: info.host })), timeout]);
  } catch {
    return null;
  }
}

function systemTheme(): "light" | "dark" {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function excelHost(): PaneHost {
  const settings: SettingsStore = {
    load: async () => loadSettings() ?? null,
    save: (value) => saveSettings(value),
  };
  let theme: "light" | "dark" | null = null;
  try {
    theme = themeFromBackground(Office.context.officeTheme?.bodyBackgroundColor);
  } catch {
    // officeTheme is unavailable on some hosts (older Excel on Mac); fall back below.
  }
  return {
    kind: "excel",
    port: new ExcelWorkbook(),
    settings,
    lang: langFromDisplayLanguage(Office.context.displayLanguage),
    theme: theme ?? systemTheme(),
  };
}

function previewHost(): PaneHost {
  const { lang, today } = previewParams(location.search);
  const settings: SettingsStore = {
    load: async () => {
      try {
        const raw = localStorage.getItem(PREVIEW_SETTINGS_KEY);
        return raw === null ? null : (JSON.parse(raw) as unknown);
      } catch {
        return null;
      }
    },
    save: async (value) => {
      try {
        localStorage.setItem(PREVIEW_SETTINGS_KEY, JSON.stringify(value));
      } catch {
        // Storage full or disabled (private mode): settings last for this session only.
      }
    },
  };
  return { kind: "preview", port: null, settings, lang, theme: systemTheme(), ...(today ? { today } : {}) };
}

async function main() {
  const container = document.getElementById("container");
  if (!container) return;
  const info = await officeReady();
  const office = (globalThis as { Office?: typeof Office }).Office;
  const inExcel = info !== null && info.host !== null && info.host === office?.HostType?.Excel;
  const host = inExcel ? excelHost() : previewHost();
  container.replaceChildren();
  renderPane(container, host);
}

void main();
