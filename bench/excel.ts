/**
 * `npm run bench:excel -- --rows N`: the whole one-click job (find, read, check, mark every
 * flagged cell, bulletin) through the Office.js host on the fake Excel, in one line:
 *   excel-host N rows: syncs S, largest request R MB (office.js serializer), largest response P MB
 * `--table 1000,10000,50000` prints the per-stage table `npm run bench` shows.
 * No real Excel is reached: syncs and sizes are those of the fake, whose requests are measured as
 * Office.js's own serializer builds them (tests/support/excel-fake.ts).
 */
import { benchExcelFlow, type HostFigures } from "./excel-host.js";

const args = process.argv.slice(2);
const value = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const mb = (bytes: number): string => (bytes / 1e6).toFixed(2);
const kb = (bytes: number): string =>
  bytes < 1e3 ? `${bytes} B` : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(0)} kB`;

async function main(): Promise<void> {
  const table = value("--table");
  if (table) {
    const rows: string[][] = [];
    for (const n of table.split(",").map(Number)) {
      const f = await benchExcelFlow(n);
      const cell = (h: HostFigures): string => `${h.syncs} / ${kb(h.maxRequestBytes)} / ${kb(h.maxResponseBytes)}`;
      rows.push([
        n.toLocaleString("en"),
        String(f.findings),
        String(f.markedCells),
        cell(f.detectAndRead),
        cell(f.mark),
        cell(f.bulletin),
        cell(f.total),
      ]);
    }
    console.log(
      "\nExcel host, the whole one-click job on the fake Excel (find + read + check, mark every flagged cell, bulletin):",
    );
    console.log("syncs / largest request (Office.js serializer) / largest response of one sync; no real Excel");
    const head = ["rows", "findings", "marked cells", "find + read", "mark", "bulletin", "total"];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padStart(widths[i]!)).join("  "));
    console.log("Goal: at 50,000 rows at most 15 syncs in all and no request over 4 MB.");
    return;
  }
  const rows = Number(value("--rows") ?? "10000");
  if (!Number.isInteger(rows) || rows <= 0) {
    console.error("--rows 需要正整数 / --rows needs a positive integer");
    process.exit(2);
  }
  const f = await benchExcelFlow(rows);
  if (args.includes("--syncs"))
    f.log.forEach((x, i) => console.log(`  sync ${i + 1}: request ${x.requestBytes} B, response ${x.responseBytes} B`));
  console.log(
    `excel-host ${rows} rows: syncs ${f.total.syncs}, largest request ${mb(f.total.maxRequestBytes)} MB (office.js serializer), largest response ${mb(f.total.maxResponseBytes)} MB`,
  );
}

void main();
