import { writeFile } from "node:fs/promises";
import { constants as zlibConstants, crc32, deflateRawSync } from "node:zlib";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { must, mustCheck, mustRefuse, type HostileCase } from "../harness.js";
import { colLetter, inlineRow, LEDGER_HEADER, minimalXlsxParts, python, zipFile } from "../make.js";

/**
 * Issue 15 items 4, 5 and 8, the reader's part (src/hosts/xlsx/package.ts, sheet-scan.ts): odd
 * but valid storage is read (absolute part names as openpyxl writes them, rows and cells without
 * r, t="d" dates, serials close to midnight, errors in date columns), and what would not fit in
 * memory or time (a zip bomb, a sheet past the cell limit, a merge or a data validation over the
 * whole sheet) is refused or read at once, never walked cell by cell.
 */

/** A task row under LEDGER_HEADER: problem, measures, lead, department, deadline, status, evidence. */
function taskRow(r: number, deadline: string, status: string): string {
  const texts = ["1", `问题${r}`, `措施${r}`, "王建国", "办公室", null, status, "会议纪要"];
  const cells = texts
    .map((t, i) =>
      i === 5 ? deadline : t === null ? "" : `<c r="${colLetter(i + 1)}${r}" t="inlineStr"><is><t>${t}</t></is></c>`,
    )
    .join("");
  return `<row r="${r}">${cells}</row>`;
}

/** The minimal package with a styles part whose xf 1 is a date (built-in 14) and a header row. */
function datedParts(rows: string, tail = ""): Record<string, string> {
  const parts = minimalXlsxParts(inlineRow(1, LEDGER_HEADER) + rows, { sheetTail: tail });
  parts["xl/styles.xml"] =
    '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>' +
    '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>';
  parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"]!.replace(
    "</Relationships>",
    '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  return parts;
}

function json(stdout: string): { findings: { rule: string; cell: string; message: string }[] } {
  return JSON.parse(stdout) as { findings: { rule: string; cell: string; message: string }[] };
}

/** The column of the deadline in LEDGER_HEADER (the sixth field). */
const DEADLINE = "F";

interface ZipItem {
  name: string;
  /** The bytes as stored (deflated when method is 8). */
  data: Buffer;
  /** The declared inflated size. */
  size: number;
  method: 0 | 8 | number;
}

/** A zip written field by field (APPNOTE 4.3.7, 4.3.12, 4.3.16), for packages no library makes. */
function handZip(items: ZipItem[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const it of items) {
    const name = Buffer.from(it.name);
    const crc = it.method === 0 ? crc32(it.data) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(it.method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(it.data.length, 18);
    local.writeUInt32LE(it.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(it.method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(it.data.length, 20);
    central.writeUInt32LE(it.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, it.data);
    centrals.push(central, name);
    offset += 30 + name.length + it.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const cases: HostileCase[] = [
  {
    id: "8.zip-bomb",
    title: "a 3.4 MB package that would inflate to 3.5 GB is refused at once, naming the limit",
    async run(t) {
      // A sheet of 3.5 GB of zeros: 16 MB deflated once with a full flush (byte-aligned, and the
      // same bytes for every 16 MB, as the dictionary starts afresh), repeated, then a final empty
      // block. The zip declares the sheet's true size; made in milliseconds, not by deflating 3.5 GB.
      const piece = deflateRawSync(Buffer.alloc(1 << 24), { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH });
      const n = 209;
      const stream = Buffer.concat([...Array.from({ length: n }, () => piece), Buffer.from([0x03, 0x00])]);
      const input = join(t.dir, "炸弹.xlsx");
      await writeFile(
        input,
        handZip([
          ...Object.entries(minimalXlsxParts(""))
            .filter(([k]) => k !== "xl/worksheets/sheet1.xml")
            .map(([name, body]) => ({
              name,
              data: Buffer.from(body),
              size: Buffer.byteLength(body),
              method: 0,
            })),
          { name: "xl/worksheets/sheet1.xml", data: stream, size: n * (1 << 24), method: 8 },
        ]),
      );
      const r = await t.cli([input, "--json"], { hangGuardMs: 60_000 });
      mustRefuse(r, { mentions: ["解压后的大小", "拆分"] });
    },
  },
  {
    id: "8.zip-bomb-lying",
    title: "a part that inflates past the size its zip directory declares is stopped there (damaged file)",
    async run(t) {
      const body = strToU8(`<worksheet><sheetData>${"<row/>".repeat(4_000_000)}</sheetData></worksheet>`);
      const parts = minimalXlsxParts(inlineRow(1, LEDGER_HEADER));
      const files: Record<string, Uint8Array> = {};
      for (const [k, v] of Object.entries(parts)) files[k] = strToU8(v);
      files["xl/worksheets/sheet1.xml"] = body;
      const zip = zipSync(files);
      // Declare the sheet 1,000 bytes long in the central directory (offset 24 of its entry).
      const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
      const name = strToU8("xl/worksheets/sheet1.xml");
      for (let i = zip.length - 46; i >= 0; i--) {
        if (view.getUint32(i, true) !== 0x02014b50) continue;
        const n = view.getUint16(i + 28, true);
        if (n === name.length && zip.subarray(i + 46, i + 46 + n).every((b, k) => b === name[k])) {
          view.setUint32(i + 24, 1000, true);
          break;
        }
      }
      const input = join(t.dir, "谎报.xlsx");
      await writeFile(input, zip);
      mustRefuse(await t.cli([input, "--json"], { hangGuardMs: 60_000 }), { mentions: ["损坏"] });
    },
  },
  {
    id: "8.huge-sheet",
    title: "a sheet past the rows × columns limit is refused with the limit named, no heap crash",
    async run(t) {
      // 200 rows each holding a cell in column XFD: 3.3 million cell positions in a small file.
      const rows = Array.from(
        { length: 1300 },
        (_, i) => `<row r="${i + 2}"><c r="XFD${i + 2}"><v>1</v></c></row>`,
      ).join("");
      const input = await zipFile(t.dir, "巨表.xlsx", minimalXlsxParts(inlineRow(1, LEDGER_HEADER) + rows));
      const r = await t.cli([input, "--json"], { hangGuardMs: 60_000 });
      mustRefuse(r, { mentions: ["行数×列数", "拆分"] });
    },
  },
  {
    id: "8.whole-sheet-merge",
    title: "a merge over the whole sheet (A1:XFD1048576) is read at once, not walked cell by cell",
    async run(t) {
      const input = await zipFile(
        t.dir,
        "整表合并.xlsx",
        minimalXlsxParts(inlineRow(1, LEDGER_HEADER) + taskRow(2, "", "已完成"), {
          sheetTail: '<mergeCells count="1"><mergeCell ref="H1:XFD1048576"/></mergeCells>',
        }),
      );
      mustCheck(await t.cli([input, "--json", "--today", "2025-07-01"], { hangGuardMs: 60_000 }));
    },
  },
  {
    id: "8.whole-sheet-validation",
    title: "a one-cell workbook whose data validation covers the whole sheet is checked at once",
    async run(t) {
      // What select-all then Data → Validation gives (sqref="A1:XFD1048576").
      const input = await python(
        t.dir,
        "整表校验.xlsx",
        `import openpyxl
from openpyxl.worksheet.datavalidation import DataValidation
wb = openpyxl.Workbook()
ws = wb.active
ws["A1"] = "反馈问题"
dv = DataValidation(type="textLength", operator="lessThan", formula1="500")
ws.add_data_validation(dv)
dv.add("A1:XFD1048576")
wb.save(out)
`,
      );
      const r = await t.cli([input, "--json", "--today", "2025-07-01"], { hangGuardMs: 60_000 });
      // No ledger in it: a clear refusal, quickly (it used to run for minutes).
      must(!r.hung, "the run never ended");
      must(r.code === 2 && !/\n\s+at /.test(r.stderr), `exit ${r.code}: ${r.stderr.slice(0, 300)}`);
    },
  },
  {
    id: "5.absolute-part-names",
    title: "a ledger saved by openpyxl with a note (absolute part names) is checked, not called damaged",
    async run(t) {
      const input = await python(
        t.dir,
        "批注.xlsx",
        `import openpyxl
from openpyxl.comments import Comment
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "整改台账"
ws.append(${JSON.stringify(LEDGER_HEADER)})
ws.append(["1", "问题", "措施", "王建国", "办公室", "2025年6月30日", "正在推进", "纪要"])
ws["B2"].comment = Comment("已督办", "张三")
wb.save(out)
`,
      );
      const r = await t.cli([input, "--json", "--today", "2025-07-01"]);
      mustCheck(r);
      must(
        json(r.stdout).findings.some((f) => f.rule === "overdue"),
        "the overdue task was not flagged",
      );
    },
  },
  {
    id: "5.rows-without-r",
    title: "rows and cells without the optional r attribute are read in order",
    async run(t) {
      const row = (texts: string[]): string =>
        `<row>${texts.map((x) => `<c t="inlineStr"><is><t>${x}</t></is></c>`).join("")}</row>`;
      const input = await zipFile(
        t.dir,
        "无r.xlsx",
        minimalXlsxParts(
          row(LEDGER_HEADER) + row(["1", "问题", "措施", "王建国", "办公室", "2025年6月30日", "正在推进", "纪要"]),
        ),
      );
      const r = await t.cli([input, "--json", "--today", "2025-07-01"]);
      mustCheck(r);
      const overdue = json(r.stdout).findings.find((f) => f.rule === "overdue");
      must(overdue?.cell === `${DEADLINE}2`, `overdue flagged at ${overdue?.cell ?? "no cell"}, not ${DEADLINE}2`);
    },
  },
  {
    id: "4.iso-date-cell",
    title: 'a t="d" ISO date is a date: its overdue task is flagged (it used to read as the number 2025)',
    async run(t) {
      const input = await zipFile(
        t.dir,
        "iso.xlsx",
        datedParts(taskRow(2, `<c r="${DEADLINE}2" s="1" t="d"><v>2025-06-30T00:00:00</v></c>`, "正在推进")),
      );
      const r = await t.cli([input, "--json", "--today", "2025-07-01"]);
      mustCheck(r);
      must(
        json(r.stdout).findings.some((f) => f.rule === "overdue" && f.cell === `${DEADLINE}2`),
        `no overdue finding at ${DEADLINE}2: ${r.stdout.slice(0, 300)}`,
      );
    },
  },
  {
    id: "4.serial-before-midnight",
    title: "a date serial a hair before midnight (45838.999999999) stays that day: due today, not overdue",
    async run(t) {
      const input = await zipFile(
        t.dir,
        "午夜.xlsx",
        datedParts(taskRow(2, `<c r="${DEADLINE}2" s="1"><v>45838.999999999</v></c>`, "正在推进")),
      );
      // 45838 is 2025-06-30, overdue on 2025-07-01; rounded to the millisecond it became 07-01,
      // due that very day and so not flagged.
      const r = await t.cli([input, "--json", "--today", "2025-07-01"]);
      mustCheck(r);
      must(
        json(r.stdout).findings.some((f) => f.rule === "overdue" && f.cell === `${DEADLINE}2`),
        "a deadline of 2025-06-30 23:59:59 was not overdue on 2025-07-01 (read as the next day?)",
      );
    },
  },
  {
    id: "4.error-in-date-column",
    title: "a #N/A result in a date column stays an error value, never NaN",
    async run(t) {
      const input = await zipFile(
        t.dir,
        "错误值.xlsx",
        datedParts(taskRow(2, `<c r="${DEADLINE}2" s="1" t="e"><f>NA()</f><v>#N/A</v></c>`, "正在推进")),
      );
      const r = await t.cli([input, "--json", "--today", "2025-07-01"]);
      mustCheck(r);
      must(!/NaN/.test(r.stdout), "NaN in the report");
      must(
        json(r.stdout).findings.some((f) => f.cell === `${DEADLINE}2` && f.message.includes("#N/A")),
        `no finding naming #N/A at ${DEADLINE}2`,
      );
    },
  },
];

export default cases;
