import {
  buildLedger,
  type BuiltLedger,
  type CellInput,
  type LedgerSpec,
  type MeasureSpec,
  type ProblemSpec,
  type SectionSpec,
} from "./ledger-builder.js";

/**
 * Big ledgers for the benchmark and the large-input tests: N task rows, deterministic for a
 * seed, with the mix a real ledger has (merged problems over 1–3 measure rows, category rows,
 * Excel dates and text dates, every status, some gaps, decoy columns).
 */

export interface GenerateOptions {
  seed?: number;
  /** Tasks per category row. */
  sectionSize?: number;
  /**
   * Share of problems spanning 2–3 measure rows (merged 序号, problem, leader). exceljs's load
   * checks each merged area against every earlier one (quadratic: exceljs issue #2689), so a
   * 50,000-row ledger with a merge every other row takes minutes to open; the big runs use less.
   */
  multiRowShare?: number;
  styled?: boolean;
  /** The sheet view as Excel saves it (LedgerSpec.excelView). Default true. */
  excelView?: boolean;
}

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const AREAS = [
  "党的政治建设",
  "全面从严治党",
  "干部队伍建设",
  "基层党组织建设",
  "意识形态工作",
  "财务管理",
  "招生考试",
  "校园安全",
];
const PROBLEMS = [
  "理论学习中心组学习制度执行不严格，专题研讨次数不足",
  "落实“三重一大”决策制度不到位，部分事项未经集体研究",
  "公务用车管理不规范，存在使用登记不全的情况",
  "校外培训机构监管存在盲区，日常巡查频次偏低",
  "干部选拔任用程序不够严谨，个别岗位长期空缺",
  "基层党支部“三会一课”记录不完整",
  "专项经费使用审批把关不严，报销凭证不齐全",
  "校园食堂食品安全检查流于形式",
];
const MEASURES = [
  "开展公务用车使用情况专项检查，建立车辆使用登记台账",
  "修订《“三重一大”事项决策实施办法》，纳入年度考核",
  "招聘6名专职督导人员，每月开展不少于2次巡查",
  "上线经费报销审批系统，全部报销单据线上流转",
  "对全区42所学校食堂开展拉网式检查，问题全部整改到位",
  "召开党委会专题研究部署，印发《关于加强理论学习的通知》",
  "进一步加强学习，切实提高思想认识",
  "对3名责任人进行约谈，已完成追责问责",
];
const LEADS = ["王建国", "李红", "张伟", "刘芳", "陈明", "赵丽"];
const DEPARTMENTS = ["办公室", "组织科", "财务科", "督导室", "基教科", "安全科", "人事科", "纪检组"];
const STATUSES = ["已完成", "已完成（已通过验收）", "正在推进", "推进中", "基本完成", "未启动", "已销号", "整改中", ""];
const TEXT_DEADLINES = [
  "2025年6月30日",
  "2025.8.31",
  "2025-10-31",
  "2025/11/30",
  "2025年9月底前",
  "2025年底",
  "2025年第三季度",
  "2025年下半年",
  "2025年7月上旬",
  "长期坚持",
  "立行立改",
  "持续推进",
  "2025年6月底前完成，长期坚持",
  "尽快",
];

/** A small fast PRNG (mulberry32): the same seed gives the same ledger everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateLedgerSpec(rows: number, options: GenerateOptions = {}): LedgerSpec {
  const rand = rng(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const sectionSize = options.sectionSize ?? 200;
  const multiRowShare = options.multiRowShare ?? 0.3;
  const sections: SectionSpec[] = [];
  let made = 0;
  let problemNo = 0;
  while (made < rows) {
    const s = sections.length;
    const section: SectionSpec = {
      caption: `${NUMERALS[s % 10]}、关于${AREAS[s % AREAS.length]}方面（第${s + 1}部分）`,
      problems: [],
    };
    let inSection = 0;
    while (made < rows && inSection < sectionSize) {
      problemNo++;
      const n = Math.min(rows - made, rand() < multiRowShare ? 2 + Math.floor(rand() * 2) : 1);
      const measures: MeasureSpec[] = [];
      for (let i = 0; i < n; i++) measures.push(measure(rand, pick, problemNo, i));
      const p: ProblemSpec = {
        // Numbered texts: the same measures under different problems are rare, as in real ledgers.
        problem: `${pick(PROBLEMS)}（第${problemNo}项）`,
        lead: rand() < 0.03 ? null : pick(LEADS),
        measures,
      };
      section.problems.push(p);
      made += n;
      inSection += n;
    }
    sections.push(section);
  }
  return {
    title: "区委第二巡察组反馈意见整改落实台账",
    subtitle: "填报单位：区教育委员会党委        填报时间：2025年6月30日",
    captions: { lead: "责任\n领导", deadline: "完成时限（年月日）" },
    sections,
    templateRows: 3,
    footer: [
      "填报人：张某某        审核人：李某某        联系电话：010-12345678",
      `说明：本清单共${problemNo}项问题、${rows}条整改措施。`,
    ],
    styled: options.styled ?? true,
    excelView: options.excelView ?? true,
  };
}

function measure(rand: () => number, pick: <T>(xs: readonly T[]) => T, problemNo: number, i: number): MeasureSpec {
  const status = pick(STATUSES);
  const done = status.startsWith("已");
  const r = rand();
  let deadline: CellInput;
  if (r < 0.45) {
    const day = Math.floor(rand() * 365);
    deadline = new Date(Date.UTC(2025, 0, 1 + day));
  } else if (r < 0.97) deadline = pick(TEXT_DEADLINES);
  else if (r < 0.985) deadline = { error: "#N/A" };
  else deadline = null;
  return {
    goal: rand() < 0.3 ? "问题整改到位，建立长效机制" : undefined,
    measures: rand() < 0.02 ? null : `${pick(MEASURES)}（措施${problemNo}-${i + 1}）`,
    department: rand() < 0.03 ? null : pick(DEPARTMENTS),
    coUnit: rand() < 0.4 ? pick(DEPARTMENTS) : undefined,
    deadline,
    status: status === "" ? null : status,
    evidence: done && rand() < 0.8 ? `附件${problemNo}-${i + 1}：检查记录、整改报告` : undefined,
  };
}

export function generateLedger(rows: number, options: GenerateOptions = {}): BuiltLedger {
  return buildLedger(generateLedgerSpec(rows, options));
}
