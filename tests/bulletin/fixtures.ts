import type { Field } from "../../src/core/fields.js";
import { HEADER_COLUMNS } from "../helpers/grid.js";
import { columnLetter } from "../../src/core/grid.js";
import type { Ledger, Task, TaskCell } from "../../src/core/ledger/model.js";
import type { DeadlineMeaning, StatusKind } from "../../src/core/parse/meaning.js";
import type { Finding, Report, Summary } from "../../src/core/report.js";

/** Literal ledgers and reports for the bulletin's tests and the sample script. Columns: A 序号 … H 佐证材料. */
export const COLUMNS: Record<Field, number> = HEADER_COLUMNS;
const LETTERS = Object.fromEntries(Object.entries(COLUMNS).map(([field, col]) => [field, columnLetter(col)])) as Record<
  Field,
  string
>;

export interface TaskSpec {
  row: number;
  text: Partial<Record<Field, string>>;
  deadline: DeadlineMeaning;
  status: StatusKind;
}

export function task(spec: TaskSpec): Task {
  const cells: Partial<Record<Field, TaskCell>> = {};
  for (const [field, text] of Object.entries(spec.text) as [Field, string][]) {
    cells[field] = { row: spec.row, col: COLUMNS[field], value: text === "" ? null : text, text };
  }
  return { row: spec.row, cells, deadline: spec.deadline, status: { kind: spec.status, text: spec.text.status ?? "" } };
}

export function ledger(tasks: Task[]): Ledger {
  return {
    layout: {
      sheet: "整改台账",
      headerRow: 3,
      headerRows: [3],
      columns: COLUMNS,
      headers: { problem: "反馈问题", measures: "整改措施", lead: "责任领导", department: "责任部门" },
      score: 10,
    },
    tasks,
    title: {},
  };
}

export function finding(rule: Finding["rule"], row: number, field: Field, extra: Partial<Finding> = {}): Finding {
  return {
    rule,
    severity: rule === "overdue" || rule.startsWith("missing") || rule === "invalid-deadline" ? "error" : "warning",
    row,
    column: LETTERS[field],
    cell: `${LETTERS[field]}${row}`,
    message: `${rule} at ${LETTERS[field]}${row}`,
    ...extra,
  };
}

export function report(findings: Finding[], summary: Partial<Summary>, lang: "zh" | "en" = "zh"): Report {
  return {
    sheet: "整改台账",
    headerRow: 3,
    today: "2025-07-01",
    lang,
    columns: LETTERS,
    title: {},
    findings,
    summary: {
      tasks: 0,
      problems: 0,
      done: 0,
      inProgress: 0,
      notStarted: 0,
      overdue: 0,
      dueSoon: 0,
      paperOnly: 0,
      incomplete: 0,
      statusUnknown: 0,
      completionRate: 0,
      errors: 0,
      warnings: 0,
      infos: 0,
      ...summary,
    },
    notices: [],
  };
}

const d = (date: string, precision: "day" | "month" = "day"): DeadlineMeaning => ({
  kind: "date",
  date,
  precision,
  ongoing: false,
});

/** A realistic ledger of a municipal bureau, as the sample bulletin shows it. */
export function sampleLedger(): Ledger {
  return ledger([
    task({
      row: 4,
      text: {
        problem: "落实全面从严治党主体责任不够到位，党组专题研究党风廉政建设次数偏少，对下属单位监督指导不够",
        measures:
          "制定党组年度党风廉政建设工作要点，每季度至少专题研究1次；对8家下属单位开展全覆盖监督检查，形成问题清单并督促整改，整改情况纳入年度考核",
        lead: "张明",
        department: "办公室",
        deadline: "2025年6月30日",
        status: "正在推进",
      },
      deadline: d("2025-06-30"),
      status: "in-progress",
    }),
    task({
      row: 5,
      text: {
        problem: "公务接待管理不规范，存在超标准接待、无公函接待问题",
        measures: "修订《公务接待管理办法》，对2023年以来接待费用逐笔清查，违规费用全部退还",
        lead: "张明",
        department: "办公室",
        deadline: "2025年5月底",
        status: "未启动",
      },
      deadline: d("2025-05-31", "month"),
      status: "not-started",
    }),
    task({
      row: 6,
      text: {
        problem: "干部选拔任用程序执行不严格，个别岗位动议环节民主推荐不充分",
        measures: "召开党组会议专题研究部署，印发《干部选拔任用工作规程》，组织学习传达相关文件精神",
        lead: "李华",
        department: "人事处",
        deadline: "2025年3月底",
        status: "已完成",
        evidence: "",
      },
      deadline: d("2025-03-31", "month"),
      status: "done",
    }),
    task({
      row: 7,
      text: {
        problem: "编外人员管理混乱，部分编外人员长期在关键岗位工作",
        measures: "开展编外人员专项清理，清退不符合条件人员12名，关键岗位全部由在编人员担任",
        lead: "李华",
        department: "人事处",
        deadline: "2025年9月30日",
        status: "正在推进",
      },
      deadline: d("2025-09-30"),
      status: "in-progress",
    }),
    task({
      row: 8,
      text: {
        problem: "专项资金使用绩效不高，部分项目资金闲置超过一年",
        measures: "进一步加强资金管理，切实提高资金使用效益",
        lead: "",
        department: "财务处",
        deadline: "尽快",
        status: "整改中",
      },
      deadline: { kind: "invalid", text: "尽快" },
      status: "in-progress",
    }),
    task({
      row: 9,
      text: {
        problem: "政府采购内控制度执行不严，存在化整为零规避公开招标问题",
        measures: "修订政府采购内部控制制度，对2024年以来采购项目开展全面检查",
        lead: "王强",
        department: "财务处",
        deadline: "长期坚持",
        status: "已完成",
        evidence: "《政府采购内部控制制度》、检查报告",
      },
      deadline: { kind: "ongoing" },
      status: "done",
    }),
    task({
      row: 10,
      text: {
        problem: "基建项目档案管理不规范，竣工资料缺失",
        measures: "对2020年以来32个基建项目档案逐项补齐，6月底前移交档案室",
        lead: "赵刚",
        department: "基建处",
        deadline: "2025年6月30日",
        status: "已完成（6月已通过验收）",
        evidence: "档案移交清单",
      },
      deadline: d("2025-06-30"),
      status: "done",
    }),
    task({
      row: 11,
      text: {
        problem: "工程变更审批把关不严，个别项目变更金额超过合同价10%未经集体研究",
        measures: "建立工程变更分级审批制度，对超过合同价5%的变更一律提交党组会议集体研究",
        lead: "赵刚",
        department: "",
        deadline: "2025年12月底",
        status: "",
      },
      deadline: d("2025-12-31", "month"),
      status: "empty",
    }),
    task({
      row: 12,
      text: {
        problem: "基层党组织“三会一课”制度落实不到位",
        measures: "制定基层党组织组织生活计划，8月底前对各支部开展一次全面督查",
        lead: "张明",
        department: "机关党委",
        deadline: "2025年8月31日",
        status: "推进中",
      },
      deadline: d("2025-08-31"),
      status: "in-progress",
    }),
  ]);
}

export function sampleReport(lang: "zh" | "en" = "zh"): Report {
  const problem = (row: number) => sampleLedger().tasks.find((t) => t.row === row)?.cells.problem?.text;
  const withTask = (f: Finding): Finding => ({ ...f, problem: problem(f.row) });
  return report(
    [
      finding("overdue", 4, "deadline", { days: 1, department: "办公室" }),
      finding("overdue", 5, "deadline", { days: 31, department: "办公室" }),
      finding("paper-only", 6, "measures", { reason: "documents-only", department: "人事处" }),
      finding("paper-only", 6, "evidence", { reason: "no-evidence", department: "人事处" }),
      finding("missing-lead", 8, "lead", { department: "财务处" }),
      finding("invalid-deadline", 8, "deadline", { department: "财务处" }),
      finding("paper-only", 8, "measures", { reason: "vague-measures", department: "财务处" }),
      finding("paper-only", 9, "status", { reason: "long-term-closed", department: "财务处" }),
      finding("missing-department", 11, "department"),
      finding("missing-status", 11, "status"),
    ].map(withTask),
    {
      problems: 9,
      tasks: 9,
      done: 3,
      inProgress: 4,
      notStarted: 1,
      statusUnknown: 1,
      overdue: 2,
      paperOnly: 3,
      incomplete: 2,
      completionRate: 0.3333,
    },
    lang,
  );
}
