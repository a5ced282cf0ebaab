import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { startServer } from "../../scripts/preview.mjs";
import { DIST, launch, pageErrors, type Browser } from "./support.js";

/**
 * How the production page starts, decided before and without Office.js (issue #14, issue #9
 * rows 5, 13, 15). Office opens an add-in page with the host information in the URL
 * (`_host_Info=Excel$Win32$16.01$zh-CN$…`, read as office.js reads it); the tests open the page
 * that way with Office.js hanging, then let it arrive late. An old webview (Trident, EdgeHTML)
 * is stood for by a page whose `Function` refuses modern syntax, as theirs does.
 */

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let page: Page;
let errors: string[];

const EXCEL_ZH = "_host_Info=Excel$Win32$16.01$zh-CN$$$$0";
const EXCEL_DE = "_host_Info=Excel$Win32$16.01$de-DE$$$$0";

/**
 * A late Office.js standing in for Excel: onReady answers Excel, the document has no settings,
 * and the Excel API is there but every batch fails (the tests look at the pane, not at a workbook).
 */
const LATE_OFFICE_JS = `
  window.Office = {
    HostType: { Excel: "Excel" },
    context: {
      displayLanguage: "zh-CN",
      officeTheme: { bodyBackgroundColor: "#FFFFFF" },
      requirements: { isSetSupported: function () { return true; } },
      document: { settings: { get: function () { return null; }, set: function () {}, saveAsync: function (cb) { cb && cb({ status: "succeeded" }); } } }
    },
    onReady: function () { return Promise.resolve({ host: "Excel", platform: "PC" }); }
  };
  window.Excel = { run: function () { return Promise.reject(new Error("no workbook in this test")); } };
`;

beforeEach(async () => {
  server ??= await startServer({ root: DIST, port: 0 });
  browser = await launch({ width: 320, height: 700 });
  page = browser.page;
  errors = pageErrors(page);
});

afterEach(async () => {
  await browser?.close();
});

afterAll(async () => {
  await server?.close();
});

const text = () => page.locator("#container").innerText();

describe("starting without waiting on Office.js", () => {
  it("outside Office shows the preview at once and never requests Office.js", async () => {
    await page.goto(`${server.url}taskpane.html`);
    await page.getByLabel("打开台账文件").waitFor({ timeout: 20_000 });
    expect(browser.officeJsRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("inside Excel waits for a slow Office.js without offering the preview's file picker, then runs in Excel", async () => {
    await page.goto(`${server.url}taskpane.html?${EXCEL_ZH}`, { waitUntil: "commit" });
    await expect.poll(text, { timeout: 20_000 }).toContain("正在连接 Excel…");
    await expect.poll(() => browser.officeJsRequests.length, { timeout: 20_000 }).toBe(1);
    // Still waiting: it says for what, and never turns into the preview.
    await expect.poll(text, { timeout: 30_000 }).toContain("OFFICE_JS=local");
    expect(await page.getByLabel("打开台账文件").count()).toBe(0);

    await browser.releaseOfficeJs(LATE_OFFICE_JS);
    await page.getByRole("button", { name: "一键校验" }).waitFor({ timeout: 20_000 });
    expect(await page.getByLabel("打开台账文件").count()).toBe(0);
    expect(await page.getByText("浏览器预览").count()).toBe(0);
    expect(await text()).toContain("检查本工作簿中的整改台账");
    expect(errors).toEqual([]);
  }, 90_000);

  it("speaks English to a German Office, Chinese to a Chinese one (issue #9 row 15)", async () => {
    await page.goto(`${server.url}taskpane.html?${EXCEL_DE}`, { waitUntil: "commit" });
    await expect.poll(text, { timeout: 20_000 }).toContain("Connecting to Excel…");
    await browser.releaseOfficeJs(LATE_OFFICE_JS.replace('displayLanguage: "zh-CN"', 'displayLanguage: "de-DE"'));
    await page.getByRole("button", { name: "Validate" }).waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
  });

  it("says why it cannot run in an old webview instead of sitting on loading (issue #9 row 13)", async () => {
    await page.addInitScript(() => {
      const Modern = window.Function;
      // Trident and EdgeHTML throw a SyntaxError on class fields, `?.` and `??`.
      window.Function = function (...args: string[]) {
        if (/\?\.|\?\?|class /.test(args.join(" "))) throw new SyntaxError("Expected identifier");
        return Modern(...args);
      } as FunctionConstructor;
    });
    await page.goto(`${server.url}taskpane.html?${EXCEL_ZH}`, { waitUntil: "commit" });
    await expect.poll(text, { timeout: 20_000 }).toContain("本窗格无法在此版本的 Office 中运行");
    expect(await text()).toContain("This pane cannot run in this version of Office");
    expect(browser.officeJsRequests).toEqual([]);
  });
});
