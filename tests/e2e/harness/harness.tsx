// The task pane as it runs inside Excel, but over the fake Excel object model: the e2e test
// drives the real pane in Chromium and inspects the fake through window.__fake. Built only with
// `webpack --env harness` (tests/e2e/global-setup.ts); never part of dist/.
import { ExcelWorkbook } from "../../../src/hosts/excel/excel-workbook.js";
import { FakeExcel } from "../../support/excel-fake.js";
import { localLangStore, type SettingsStore } from "../../../src/taskpane/pane-host.js";
import { renderPane } from "../../../src/taskpane/render.js";
import { HARNESS_TODAY, seedHarnessLedger, snapshot, type FakeSnapshot } from "./seed.js";

export interface HarnessHandle {
  snapshot(): FakeSnapshot;
  /** The settings the pane saved, as JSON (null before the first save). */
  savedSettings(): unknown;
  /** Cells of a sheet the pane wrote, row by row as text (the bulletin). */
  sheetText(name: string): string[];
}

declare global {
  interface Window {
    __fake: HarnessHandle;
  }
}

const excel = new FakeExcel();
seedHarnessLedger(excel);
const port = new ExcelWorkbook(excel.run, excel.hostOptions);

let saved: unknown = null;
const settings: SettingsStore = {
  load: async () => saved,
  save: async (_workbook, value) => {
    saved = JSON.parse(JSON.stringify(value ?? null));
  },
};

window.__fake = {
  snapshot: () => snapshot(excel),
  savedSettings: () => saved,
  sheetText: (name) => {
    const sheet = excel.findSheet(name);
    if (!sheet) return [];
    return [...sheet.cells.entries()]
      .sort(([a], [b]) => {
        const [ra, ca] = a.split(",").map(Number) as [number, number];
        const [rb, cb] = b.split(",").map(Number) as [number, number];
        return ra - rb || ca - cb;
      })
      .map(([, c]) => String(c.value));
  },
};

const query = new URLSearchParams(location.search);
const lang = query.get("lang") === "en" ? "en" : "zh";
renderPane(document.getElementById("container")!, {
  kind: "excel",
  port,
  settings,
  lang,
  langStore: localLangStore("ledger-check.harness.lang"),
  theme: "light",
  today: HARNESS_TODAY,
  problem: null,
  // ?platform=mac: Excel on Mac, whose webview saves no download (office-js#3385).
  downloads: query.get("platform") !== "mac",
});
