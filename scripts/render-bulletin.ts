/**
 * Dev script: writes the sample bulletin (zh and en) as .xlsx files, to be looked at in
 * LibreOffice or Excel. There is no TypeScript runner in the project, so compile it first:
 *
 *   npx tsc --outDir /tmp/rb --module NodeNext --moduleResolution NodeNext --target ES2022 \
 *     --esModuleInterop --skipLibCheck scripts/render-bulletin.ts
 *   ln -sfn "$PWD/node_modules" /tmp/rb/node_modules
 *   node /tmp/rb/scripts/render-bulletin.js /tmp/b
 *   soffice --headless --convert-to pdf --outdir /tmp/b /tmp/b/bulletin-zh.xlsx
 *   pdftoppm -png -r 60 /tmp/b/bulletin-zh.pdf /tmp/b/zh
 */
import { writeFileSync } from "node:fs";
import { buildBulletin } from "../src/core/bulletin/build.js";
import { layoutBulletin } from "../src/core/bulletin/layout.js";
import { sheetDocumentToXlsx } from "../src/hosts/xlsx/blank-package.js";
import { sampleLedger, sampleReport } from "../tests/bulletin/fixtures.js";

const outDir = process.argv[2] ?? "/tmp";
for (const lang of ["zh", "en"] as const) {
  const bulletin = buildBulletin(sampleReport(lang), sampleLedger(), {
    lang,
    bulletin: { body: "市教育局党组", inspection: "市委第三巡察组" },
  });
  const doc = layoutBulletin(bulletin, lang);
  const file = `${outDir}/bulletin-${lang}.xlsx`;
  writeFileSync(file, sheetDocumentToXlsx(doc));
  console.log(file);
}
