import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../scripts/preview.mjs";
import { checkWorkbook } from "../../src/app/check-workbook.js";
import { ConfigSchema } from "../../src/core/config.js";
import type { Report } from "../../src/core/report.js";
import { ExcelWorkbook } from "../../src/hosts/excel/excel-workbook.js";
import { FakeExcel } from "../support/excel-fake.js";
import { MARK_FILLS } from "../../src/hosts/workbook.js";
import { expectedTiles, findingKeys, listKeys, ruleKey, shownKeys, tileTexts } from "./expectations.js";
import type { HarnessHandle } from "./harness/harness.js";
import { HARNESS_SHEET, HARNESS_TODAY, USER_FILLS, seedHarnessLedger, type FakeSnapshot } from "./harness/seed.js";
import { HARNESS_DIR, launch, pageErrors, type Browser } from "./support.js";

/**
 * The task pane as it runs in Excel (kind "excel"), over the fake Excel object model, in headless
 * Chromium (tests/e2e/harness): validate marks the workbook's cells, a finding selects its cell,
 * 清除标记 puts every original fill back, 生成通报 adds the bulletin sheet.
 */

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let page: Page;
let errors: string[];
let expected: Report;

beforeAll(async () => {
  server = await startServer({ root: HARNESS_DIR, port: 0, entry: "harness.html" });
  browser = await launch({ width: 320, height: 900 });
  page = browser.page;
  errors = pageErrors(page);
  // The same engine over the same seeded fake, in Node: what the pane must show.
  const excel = new FakeExcel();
  seedHarnessLedger(excel);
  const port = new ExcelWorkbook(excel.run, excel.hostOptions);
  expected = (await checkWorkbook(port, ConfigSchema.parse({ today: HARNESS_TODAY, lang: "zh" }))).report;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const fake = (): Promise<FakeSnapshot> =>
  page.evaluate(() => (window as unknown as { __fake: HarnessHandle }).__fake.snapshot());

describe("the task pane over the fake Excel", () => {
  it("marks, selects, clears every mark back to the original fills, and writes the bulletin", async () => {
    await page.goto(`${server.url}harness.html`);
    const validate = page.getByRole("button", { name: "一键校验" });
    await expect.poll(() => validate.isEnabled(), { timeout: 20_000 }).toBe(true);
    const before = await fake();
    // The seed as the test means it: the clerk's fills, including one on an empty cell (G7).
    expect(Object.fromEntries(Object.entries(before.fills).filter(([, f]) => f !== null))).toEqual(USER_FILLS);
    expect(before.values.G7).toBe(null);

    await validate.click();
    const findings = page.getByRole("list", { name: "校验结果" });
    await expect.poll(() => findings.getByRole("listitem").count(), { timeout: 20_000 }).toBe(expected.findings.length);
    expect(await listKeys(findings)).toEqual(findingKeys(expected.findings));
    expect(await tileTexts(page, "汇总")).toEqual(expectedTiles(expected));
    // The seed covers what it claims: overdue, a missing field, paper-only.
    expect(findingKeys(expected.findings).join(" ")).toMatch(
      /overdue.*paper-only\/no-evidence|paper-only\/no-evidence.*overdue/,
    );

    const marked = await fake();
    for (const f of expected.findings) expect(marked.fills[f.cell], f.cell).toBe(MARK_FILLS[f.severity]);
    const flagged = new Set(expected.findings.map((f) => f.cell));
    for (const [cell, fill] of Object.entries(before.fills))
      if (!flagged.has(cell)) expect(marked.fills[cell], cell).toBe(fill);
    expect(marked.values).toEqual(before.values);

    // A finding selects its cell in the workbook.
    const target = expected.findings.find((f) => f.rule === "overdue" && f.cell !== "F4") ?? expected.findings[0]!;
    const shown = await shownKeys(findings);
    await findings
      .getByRole("listitem")
      .nth(shown.indexOf(`${target.cell} ${ruleKey(target)}`))
      .click();
    await expect
      .poll(async () => (await fake()).selection, { timeout: 10_000 })
      .toEqual({
        sheet: HARNESS_SHEET,
        address: target.cell,
      });
    expect((await fake()).activeSheet).toBe(HARNESS_SHEET);

    // 清除标记: every fill as it was, the clerk's own and the cells that had none.
    await page.getByRole("button", { name: "清除标记" }).click();
    await expect.poll(async () => (await fake()).fills, { timeout: 10_000 }).toEqual(before.fills);
    expect(await page.getByText("已清除标记，单元格恢复原样。").count()).toBe(1);
    expect((await fake()).values).toEqual(before.values);

    await page.getByRole("button", { name: "生成通报" }).click();
    await expect.poll(async () => (await fake()).sheets, { timeout: 20_000 }).toContain("整改通报");
    const bulletin = await page.evaluate(() =>
      (window as unknown as { __fake: HarnessHandle }).__fake.sheetText("整改通报"),
    );
    expect(bulletin.join("\n")).toMatch(/通报/);
    expect((await fake()).values).toEqual(before.values);

    // 督办清单 (issue #12): one more sheet, a section per department with something to act on.
    await page.getByRole("button", { name: "督办清单" }).click();
    await expect.poll(async () => (await fake()).sheets, { timeout: 20_000 }).toContain("督办清单");
    const notices = await page.evaluate(() =>
      (window as unknown as { __fake: HarnessHandle }).__fake.sheetText("督办清单"),
    );
    expect(notices.join("\n")).toMatch(/督办/);
    expect(await page.getByText(/已生成“督办清单”工作表/).count()).toBe(1);
    expect((await fake()).values).toEqual(before.values);
    expect(errors).toEqual([]);
  });

  it("downloads the bulletin as Word where Excel's webview saves files, and says why not on a Mac (issue #11)", async () => {
    await page.goto(`${server.url}harness.html`);
    const word = page.getByRole("button", { name: "下载通报（Word）" });
    await expect.poll(() => word.isEnabled(), { timeout: 20_000 }).toBe(true);
    const [file] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), word.click()]);
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const document = strFromU8(unzipSync(new Uint8Array(await readFile((await file.path())!)))["word/document.xml"]!);
    expect(document).toMatch(/通报/);

    // Excel on Mac: no download at all, and the clerk is told what to do instead.
    await page.goto(`${server.url}harness.html?platform=mac`);
    await expect.poll(() => word.isEnabled(), { timeout: 20_000 }).toBe(true);
    let downloads = 0;
    page.on("download", () => void downloads++);
    await word.click();
    await page.getByText(/Mac 和 iPad 版 Excel 的任务窗格不能保存文件/).waitFor({ timeout: 20_000 });
    expect(downloads).toBe(0);
    expect(errors).toEqual([]);
  });
});
