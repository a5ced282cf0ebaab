/// <reference types="office-js" />
import type { Lang } from "../core/i18n.js";
import { ExcelWorkbook } from "../hosts/excel/excel-workbook.js";
import { loadSettings, saveSettings } from "../hosts/excel/settings.js";
import { bootInfo, parseHostInfo, type BootInfo } from "./host-info.js";
import { langFromLocale } from "./i18n.js";
import { localLangStore, type PaneHost, type SettingsStore } from "./pane-host.js";
import { mountPane } from "./render.js";
import { previewParams, themeFromBackground } from "./view-model.js";

/**
 * The entry: decide where the pane runs, then mount it. boot.js (inlined in the page) has
 * already told, without the network, whether the page is inside Office. Outside Office the
 * preview starts at once; Office.js is never asked for (issue #14: it may be blocked or hang).
 * Inside Office the pane shows that it is connecting and waits for Office.onReady for as long
 * as it takes (a slow Excel is common: office-js#3330, #1317), never falling back to the
 * preview's file picker (issue #9 row 5); after a while it says what it is waiting for.
 */

const SLOW_START_MS = 8000;

function systemTheme(): "light" | "dark" {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function officeGlobal(): typeof Office | undefined {
  return (globalThis as { Office?: typeof Office }).Office;
}

/** ExcelApi 1.13 or later; the Office API version is the host's business, not the pane's. */
function excelApiSupported(): boolean {
  const requirements = officeGlobal()?.context?.requirements;
  if (!requirements?.isSetSupported) return true;
  try {
    return requirements.isSetSupported("ExcelApi", "1.13");
  } catch {
    return true;
  }
}

function excelHost(fallbackLang: Lang): PaneHost {
  const settings: SettingsStore = {
    load: async () => loadSettings() ?? null,
    save: (_workbook, value) => saveSettings(value),
  };
  let theme: "light" | "dark" | null = null;
  let display: string | undefined;
  try {
    theme = themeFromBackground(Office.context.officeTheme?.bodyBackgroundColor);
    display = Office.context.displayLanguage;
  } catch {
    // officeTheme is unavailable on some hosts (older Excel on Mac); fall back below.
  }
  const langStore = localLangStore();
  return {
    kind: "excel",
    port: new ExcelWorkbook(),
    settings,
    langStore,
    lang: langStore.load() ?? (display ? langFromLocale(display) : fallbackLang),
    theme: theme ?? systemTheme(),
    problem: excelApiSupported() ? null : "api-too-old",
    downloads: !["Mac", "iOS"].includes(String(Office.context.platform)),
  };
}

function previewHost(): PaneHost {
  const { lang: asked, today } = previewParams(location.search);
  const store = (key: string) => key;
  const settings: SettingsStore = {
    load: async (key) => {
      try {
        const raw = localStorage.getItem(store(key));
        return raw === null ? null : (JSON.parse(raw) as unknown);
      } catch {
        return null;
      }
    },
    save: async (key, value) => {
      try {
        localStorage.setItem(store(key), JSON.stringify(value));
      } catch {
        // Storage full or disabled (private mode): settings last for this session only.
      }
    },
  };
  const langStore = localLangStore();
  return {
    kind: "preview",
    port: null,
    settings,
    langStore,
    // An explicit ?lang= wins over the remembered choice, which wins over the browser's language.
    lang: asked ?? langStore.load() ?? langFromLocale(navigator.language),
    theme: systemTheme(),
    problem: null,
    downloads: true,
    ...(today ? { today } : {}),
  };
}

async function main(container: HTMLElement, boot: BootInfo) {
  // boot.js found a browser that cannot run the pane, and said so; leave its words on screen.
  if (boot.unsupported) return;
  boot.started = true;
  const info = parseHostInfo(boot.hostInfo);
  if (!info) {
    mountPane(container).showPane(previewHost());
    return;
  }
  const lang = langFromLocale(info.locale);
  const mounted = mountPane(container);
  mounted.showConnecting(lang, false);
  const slow = setTimeout(() => mounted.showConnecting(lang, true), SLOW_START_MS);
  const office = await waitForOffice();
  const ready = await office.onReady();
  clearTimeout(slow);
  // Opened from Excel's ribbon this is always Excel; anything else gets the preview.
  mounted.showPane(ready.host === office.HostType.Excel ? excelHost(lang) : previewHost());
}

/** office.js is loaded by boot.js ahead of this bundle; polls in case a host injects it later. */
function waitForOffice(): Promise<typeof Office> {
  return new Promise((resolve) => {
    const tick = () => {
      const office = officeGlobal();
      if (office?.onReady) resolve(office);
      else setTimeout(tick, 100);
    };
    tick();
  });
}

const container = document.getElementById("container");
if (container) void main(container, bootInfo(window as never));
