/**
 * Writes the project's sample ledger: samples/sample-ledger.xlsx and samples/sample-ledger.csv
 * (the same data flattened, in GBK as the plain "CSV" of Chinese Windows Excel). Run with
 * `npm run sample` (= `npx tsx scripts/make-sample-ledger.ts`).
 *
 * Checked on 2025-07-01 (`npm run demo`) it shows every rule at least once: overdue, due soon,
 * paper-only (all five signs), incomplete entries, and several clean tasks.
 */
import type ExcelJS from "exceljs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildLedger, ledgerBytes, type BuiltLedger, type LedgerSpec } from "../tests/support/ledger-builder.js";
import { formatDate } from "../src/core/number-format.js";

const DUPLICATE = "将责任清单细化到全部42个内设科室和直属单位，逐项明确完成时限";

export const SAMPLE_SPEC: LedgerSpec = {
  sheet: "整改台账",
  title: "区委第二巡察组反馈意见整改落实台账",
  subtitle: "填报单位：区教育委员会党委        填报时间：2025年6月30日",
  twoRowHeader: true,
  captions: { lead: "责任\n领导", department: "责任科室", deadline: "完成时限（年月日）" },
  sections: [
    {
      caption: "一、关于贯彻落实党的教育方针和上级决策部署方面",
      problems: [
        {
          problem: "理论学习中心组学习制度执行不严格，专题研讨次数不足",
          lead: "王建国",
          measures: [
            {
              // Paper-only: meetings and documents, marked done.
              measures: "召开党委会专题研究部署，印发《区教委党委理论学习中心组学习实施细则》",
              department: "办公室",
              deadline: { date: "2025-05-31" },
              status: "已完成",
              evidence: "党委会会议纪要、实施细则文件",
            },
            {
              measures: "制定年度专题研讨计划，全年开展专题研讨不少于6次，每次形成研讨记录",
              department: "办公室",
              deadline: "2025年12月底前",
              status: "正在推进",
            },
            {
              measures: "将中心组学习情况纳入处级干部年度考核，对2名学习不达标干部进行约谈",
              department: "组织科",
              coUnit: "办公室",
              deadline: "2025.6.30",
              status: "已完成（6月已通过验收）",
              evidence: "约谈记录2份、考核细则",
            },
          ],
        },
        {
          problem: "“双减”政策落实不到位，校外培训机构监管存在盲区",
          goal: "校外培训机构监管全覆盖",
          measures: [
            {
              // Overdue by one day.
              measures: "开展校外培训机构专项检查，每月不少于2次，对违规机构依法查处",
              lead: "李红",
              department: "基教科",
              coUnit: "区市场监管局",
              deadline: "2025年6月30日",
              status: "正在推进",
            },
          ],
        },
        {
          problem: "落实“三重一大”决策制度不到位，部分事项未经集体研究",
          lead: "张伟",
          measures: [
            {
              // Due soon: 4 days left.
              measures: "修订《区教委“三重一大”事项决策实施办法》，明确集体决策事项清单",
              department: "办公室",
              deadline: { date: "2025-07-05", numFmt: "yyyy/m/d" },
              status: "推进中",
            },
            {
              // Due soon: 9 days left.
              measures: "对2024年以来的重大事项决策开展回头看，逐项补齐会议记录",
              department: "纪检组",
              deadline: "2025年7月上旬",
              status: "整改中",
            },
          ],
        },
      ],
    },
    {
      caption: "二、关于落实全面从严治党“两个责任”方面",
      problems: [
        {
          problem: "公务用车管理不规范，存在使用登记不全的情况",
          lead: "刘芳",
          measures: [
            {
              // 基本完成 is not done: overdue (上半年 ends 6-30).
              measures: "开展公务用车使用情况专项检查，建立车辆使用登记台账",
              department: "办公室",
              deadline: "2025年上半年",
              status: "基本完成",
            },
            {
              // Slogans only, and only a co-unit given.
              measures: "进一步加强公务用车管理，切实提高规范化水平",
              coUnit: "财务科",
              deadline: "2025年第三季度",
              status: "正在推进",
            },
          ],
        },
        {
          problem: "专项经费使用审批把关不严，报销凭证不齐全",
          measures: [
            {
              // Done without evidence.
              measures: "上线经费报销审批系统，全部报销单据线上流转，对2024年度报销凭证逐笔核查",
              lead: "陈明",
              department: "财务科",
              deadline: "2025/9/30",
              status: "已完成",
            },
          ],
        },
        {
          problem: "廉政风险防控机制不健全，重点岗位风险点排查不全面",
          measures: [
            {
              // An ongoing task marked done.
              measures: "常态化开展廉政风险排查，每半年更新一次重点岗位风险清单",
              lead: "陈明",
              department: "纪检组",
              deadline: "长期坚持",
              status: "已完成",
              evidence: "重点岗位风险清单（2025年版）",
            },
          ],
        },
        {
          problem: "违反中央八项规定精神问题查处力度不够",
          measures: [
            {
              // No leader.
              measures: "对3名违规发放津补贴的责任人进行约谈，追缴违规资金4.2万元",
              department: "纪检组",
              deadline: "立行立改",
              status: "已销号",
              evidence: "谈话记录、缴款凭证",
            },
          ],
        },
      ],
    },
    {
      caption: "三、关于干部队伍建设和基层党组织建设方面",
      problems: [
        {
          problem: "干部选拔任用程序不够严谨，个别岗位长期空缺",
          lead: "赵丽",
          measures: [
            { measures: DUPLICATE, department: "组织科", deadline: "2025年8月31日", status: "正在推进" },
            {
              // The deadline was looked up with a formula that failed: #N/A.
              measures: "完成3个空缺岗位的选拔任用，严格执行动议、民主推荐、考察程序",
              department: "人事科",
              deadline: { error: "#N/A", formula: "VLOOKUP(B20,时限表!A:B,2,FALSE)" },
              status: "未启动",
            },
          ],
        },
        {
          problem: "基层党支部“三会一课”记录不完整，组织生活不规范",
          // The goal is filled, the measures are not.
          goal: "支部组织生活规范化",
          measures: [{ lead: "赵丽", department: "组织科", deadline: "2025年10月底", status: "未启动" }],
        },
        {
          problem: "青年干部教育培养力度不够，后备干部储备不足",
          measures: [
            { measures: DUPLICATE, lead: "王建国", department: "人事科", deadline: "2025年下半年", status: "推进中" },
          ],
        },
        {
          problem: "意识形态工作责任制落实不到位",
          measures: [
            {
              measures: "制定意识形态工作责任清单，每季度开展一次专题分析研判",
              lead: "李红",
              department: "宣传科",
              status: "正在推进",
            },
          ],
        },
        {
          problem: "教师培训经费使用效益不高",
          measures: [
            {
              measures: "开展全区教师培训需求调研，形成调研报告，据此调整5个培训项目",
              lead: "张伟",
              department: "人事科",
              deadline: "2025年底",
            },
          ],
        },
        {
          problem: "校园食堂食品安全检查流于形式",
          measures: [
            {
              measures: "对全区42所学校食堂开展拉网式检查，发现的15个问题全部整改到位",
              lead: "刘芳",
              department: "安全科",
              coUnit: "区市场监管局",
              deadline: { date: "2025-06-20" },
              status: "已完成",
              evidence: "检查记录、整改前后照片",
            },
          ],
        },
      ],
    },
    {
      caption: "四、关于巡察整改长效机制建设方面",
      problems: [
        {
          problem: "整改台账管理不规范，整改进展更新不及时",
          measures: [
            {
              measures: "建立整改台账周报制度，每周五更新整改进展并报区委巡察办",
              lead: "王建国",
              department: "办公室",
              deadline: "立行立改",
              status: "已完成",
              evidence: "周报制度文件及近4周周报",
            },
          ],
        },
        {
          problem: "部分整改事项存在“以文件落实文件”现象",
          measures: [
            {
              measures: "对已销号的整改事项开展“回头看”，逐项核查整改成效，未达标的重新挂账",
              lead: "王建国",
              department: "督导室",
              deadline: "2025年第三季度",
              status: "正在推进",
            },
          ],
        },
        {
          problem: "学校安全隐患排查整治不彻底",
          measures: [
            {
              measures: "建立校园安全隐患排查整改台账，每月通报一次整改情况，年底前完成全部整改",
              lead: "刘芳",
              department: "安全科",
              deadline: "2025-11-30",
              status: "正在推进",
              remark: "持续推进",
            },
          ],
        },
      ],
    },
  ],
  templateRows: 2,
  footer: [
    "填报人：张某某        审核人：李某某        联系电话：010-12345678",
    "说明：本清单共17项问题、21条整改措施；“整改进展”请填写已完成、正在推进或未启动。",
  ],
};

export function buildSample(): BuiltLedger {
  const built = buildLedger(SAMPLE_SPEC);
  const wb = built.workbook;
  // Fixed metadata: regenerating the sample changes nothing a reader can see.
  wb.creator = "ledger-check";
  wb.lastModifiedBy = "ledger-check";
  wb.created = new Date(Date.UTC(2025, 5, 30, 9, 0, 0));
  wb.modified = wb.created;
  built.worksheet.views = [{ state: "frozen", xSplit: 0, ySplit: built.headerRow }];
  const help = wb.addWorksheet("填报说明");
  help.getColumn(1).width = 90;
  [
    "填报说明",
    "1. 每条整改措施占一行；同一问题的多条措施，序号、问题、责任领导可合并单元格。",
    "2. 完成时限填写具体日期（如2025年6月30日）或期间（如2025年6月底）；长期任务填写“长期坚持”。",
    "3. 整改进展填写“已完成”“正在推进”或“未启动”；已完成的须附佐证材料。",
  ].forEach((line, i) => (help.getCell(i + 1, 1).value = line));
  return built;
}

/**
 * The ledger as Chinese Windows Excel's plain "CSV" would hold it after a clerk unmerges the
 * table: values merged down are repeated on every row, captions merged across stay in their
 * first cell, the two-row header becomes its lower row, dates are written as shown.
 */
export function flattenToCsv(built: BuiltLedger): string {
  const ws = built.worksheet;
  const width = ws.columnCount;
  const lines: string[] = [];
  const top = built.headerRow - (SAMPLE_SPEC.twoRowHeader ? 1 : 0);
  for (let r = 1; r <= ws.rowCount; r++) {
    if (r >= top && r < built.headerRow) continue;
    const fields: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      const master = cell.isMerged ? cell.master : cell;
      const downOnly = master.col === cell.col;
      fields.push(master === cell || downOnly ? shown(master) : "");
    }
    while (fields.length > 0 && fields[fields.length - 1] === "") fields.pop();
    lines.push(fields.map(csvField).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

function shown(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return formatDate(v, cell.numFmt || "yyyy/m/d");
  if (typeof v === "object") {
    const o = v as { result?: unknown; error?: string; richText?: { text: string }[] };
    if (o.error) return o.error;
    if (o.richText) return o.richText.map((t) => t.text).join("");
    if ("result" in o) {
      const res = o.result as { error?: string } | string | number | undefined;
      return typeof res === "object" && res?.error ? res.error : String(res ?? "");
    }
  }
  return String(v);
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * GBK bytes for the text. TextEncoder only writes UTF-8, so the table is built from the
 * platform's GBK decoder, reversed; a character GBK lacks is an error, not a silent '?'.
 */
export function encodeGbk(text: string): Uint8Array {
  const table = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(code);
      if (bytes === undefined) throw new Error(`“${ch}” (U+${code.toString(16)}) has no GBK code`);
      out.push(bytes >> 8, bytes & 0xff);
    }
  }
  return new Uint8Array(out);
}

let cachedTable: Map<number, number> | undefined;
function gbkTable(): Map<number, number> {
  if (cachedTable) return cachedTable;
  const table = new Map<number, number>();
  const decoder = new TextDecoder("gbk");
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = decoder.decode(pair);
      const code = ch.codePointAt(0)!;
      if (ch.length === 1 && ch !== "\ufffd" && !table.has(code)) table.set(code, (lead << 8) | trail);
    }
  }
  cachedTable = table;
  return table;
}

async function main(): Promise<void> {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const samples = join(root, "samples");
  await mkdir(samples, { recursive: true });
  const built = buildSample();
  await writeFile(join(samples, "sample-ledger.xlsx"), await ledgerBytes(built));
  const csv = flattenToCsv(built);
  const gbk = encodeGbk(csv);
  if (new TextDecoder("gb18030").decode(gbk) !== csv) throw new Error("GBK round trip failed");
  await writeFile(join(samples, "sample-ledger.csv"), gbk);
  console.log(
    `samples/sample-ledger.xlsx: ${built.taskRows.length} tasks; samples/sample-ledger.csv: ${gbk.length} bytes (GBK)`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
