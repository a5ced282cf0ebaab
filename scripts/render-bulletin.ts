/**
 * Dev script: writes the bulletin of a ledger as a bulletin-only .xlsx and a .docx, zh and en,
 * to be looked at in LibreOffice (docs/bulletin-*.png are made this way):
 *
 *   npx tsx scripts/render-bulletin.ts samples/sample-ledger.xlsx /tmp/b sample [--today 2025-07-01] \
 *     [--body … --inspection … --kind 巡视]
 *   cd /tmp/b && soffice --headless --convert-to pdf *.xlsx *.docx
 *   pdftoppm -png -r 60 sample-zh.pdf sample-zh
 */
import { readFile, writeFile } from "node:fs/promises";
import { bulletinDocxOf, bulletinOf, checkWorkbook } from "../src/app/check-workbook.js";
import { layoutBulletin } from "../src/core/bulletin/layout.js";
import { makeConfig, type BulletinOptions } from "../src/core/config.js";
import { sheetDocumentToXlsx } from "../src/hosts/xlsx/blank-package.js";
import { openWorkbookFile } from "../src/hosts/xlsx/open.js";

const [input, outDir = "/tmp", stem = "bulletin"] = process.argv.slice(2);
const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const today = arg("today") ?? "2025-07-01";
const kind = arg("kind");
const bulletin: BulletinOptions = {
  body: arg("body"),
  inspection: arg("inspection"),
  kind: kind === "巡视" || kind === "巡察" ? kind : undefined,
};
if (!input) throw new Error("usage: render-bulletin.ts LEDGER.xlsx OUTDIR STEM [--today YYYY-MM-DD]");
for (const lang of ["zh", "en"] as const) {
  const port = await openWorkbookFile(new Uint8Array(await readFile(input)), input);
  const check = await checkWorkbook(port, makeConfig({ today, lang, bulletin }));
  await writeFile(`${outDir}/${stem}-${lang}.xlsx`, sheetDocumentToXlsx(layoutBulletin(bulletinOf(check), lang)));
  await writeFile(`${outDir}/${stem}-${lang}.docx`, await bulletinDocxOf(check));
  console.log(`${outDir}/${stem}-${lang}.{xlsx,docx}`);
}
