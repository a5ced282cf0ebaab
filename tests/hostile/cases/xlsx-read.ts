import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { mustCheck, type HostileCase } from "../harness.js";
import { LEDGER_HEADER, ledger, libreOffice, python } from "../make.js";

/**
 * Issue 15 item 5: valid files that Excel and LibreOffice open are checked, and copied with
 * --out, whatever their sheets are named. (Item 5's reader cases — absolute part names, cells
 * without r — and item 8's in-package limits are in xlsx-reader.ts.)
 */

const TODAY = ["--today", "2025-07-01"];

const cases: HostileCase[] = [
  {
    id: "5.libreoffice-resaved-table",
    title: "an Excel table re-saved by LibreOffice is checked and copied (no theme crash)",
    async run(t) {
      const source = await python(
        t.dir,
        "源.xlsx",
        `import openpyxl
from openpyxl.worksheet.table import Table
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "整改台账"
ws.append(${JSON.stringify(LEDGER_HEADER)})
ws.append(["1", "问题一", "措施一", "王强", "办公室", "2025年6月底", "正在推进", ""])
ws.add_table(Table(displayName="T1", ref="A1:H2"))
wb.save(out)`,
      );
      const input = await libreOffice(t.dir, source);
      mustCheck(await t.cli([input, ...TODAY, "--out", join(t.dir, "副本.xlsx")]));
    },
  },
  {
    id: "5.user-sheet-Ledger-Check",
    title: "a clerk's sheet named Ledger-Check does not stop the copy",
    async run(t) {
      const input = await python(
        t.dir,
        "台账.xlsx",
        `import openpyxl
wb = openpyxl.load_workbook(${JSON.stringify(await ledger(t.dir, "原.xlsx"))})
wb.create_sheet("Ledger-Check").cell(1, 1, "我的表")
wb.save(out)`,
      );
      mustCheck(await t.cli([input, ...TODAY, "--out", join(t.dir, "副本.xlsx")]));
    },
  },
  {
    id: "5.csv-named-ledger-check",
    title: "a CSV named ledger-check.csv is checked and copied",
    async run(t) {
      const input = join(t.dir, "ledger-check.csv");
      await writeFile(
        input,
        [
          LEDGER_HEADER.join(","),
          ["1", "问题一", "措施一", "王强", "办公室", "2025年6月底", "正在推进", ""].join(","),
        ].join("\r\n"),
      );
      mustCheck(await t.cli([input, ...TODAY, "--out", join(t.dir, "副本.xlsx")]));
    },
  },
  {
    id: "5.upper-case-extension",
    title: "a ledger named 台账.XLSX (upper case) is checked like any other",
    async run(t) {
      const input = join(t.dir, "台账.XLSX");
      await copyFile(await ledger(t.dir), input);
      mustCheck(await t.cli([input, ...TODAY]));
    },
  },
];

export default cases;
