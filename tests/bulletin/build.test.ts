import { describe, expect, it } from "vitest";
import { buildBulletin, percent, shorten } from "../../src/core/bulletin/build.js";
import type { Block, Bulletin, TableBlock } from "../../src/core/bulletin/model.js";
import { finding, ledger, report, sampleLedger, sampleReport, task } from "./fixtures.js";

const date = (d: string) => ({ kind: "date" as const, date: d, precision: "day" as const, ongoing: false });

/** Two departments, four tasks: one overdue, one paper-only, one incomplete. */
const small = ledger([
  task({
    row: 4,
    text: {
      problem: "党组专题研究党风廉政建设次数偏少",
      measures: "每季度至少专题研究1次",
      lead: "张明",
      department: "办公室",
      deadline: "2025年6月19日",
      status: "正在推进",
    },
    deadline: date("2025-06-19"),
    status: "in-progress",
  }),
  task({
    row: 5,
    text: {
      problem: "公务接待不规范",
      measures: "清退违规费用",
      lead: "张明",
      department: "办公室",
      status: "已完成",
      evidence: "退款凭证",
    },
    deadline: date("2025-05-31"),
    status: "done",
  }),
  task({
    row: 6,
    text: { problem: "干部选拔程序不严", measures: "印发规程", lead: "李华", department: "人事处", status: "已完成" },
    deadline: date("2025-03-31"),
    status: "done",
  }),
  task({
    row: 7,
    text: { problem: "编外人员管理混乱", measures: "清退12名", lead: "", department: "人事处", status: "推进中" },
    deadline: date("2025-09-30"),
    status: "in-progress",
  }),
]);

const smallFindings = [
  finding("overdue", 4, "deadline", { days: 12, department: "办公室" }),
  finding("paper-only", 6, "evidence", { reason: "no-evidence", department: "人事处" }),
  finding("missing-lead", 7, "lead", { department: "人事处" }),
];
const smallSummary = {
  tasks: 4,
  done: 2,
  inProgress: 2,
  notStarted: 0,
  overdue: 1,
  paperOnly: 1,
  incomplete: 1,
  completionRate: 0.5,
};
const names = { body: "市教育局党组", inspection: "市委第三巡察组" };

function tables(b: Bulletin): TableBlock[] {
  return b.blocks.filter((x): x is TableBlock => x.kind === "table");
}
/** The blocks between a level-1 heading and the next one. */
function section(b: Bulletin, heading: string): Block[] {
  const start = b.blocks.findIndex((x) => x.kind === "heading" && x.text === heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = b.blocks.slice(start + 1);
  const end = rest.findIndex((x) => (x.kind === "heading" && x.level === 1) || x.kind === "signature");
  return end < 0 ? rest : rest.slice(0, end);
}

describe("buildBulletin (zh)", () => {
  const b = buildBulletin(report(smallFindings, smallSummary), small, { lang: "zh", bulletin: names });

  it("titles the bulletin after the body and the inspection", () => {
    expect(b.title).toBe("关于市教育局党组落实市委第三巡察组反馈问题整改进展情况的通报");
  });

  it("opens with the figures as of today", () => {
    expect(b.blocks[0]).toEqual({
      kind: "paragraph",
      text: "截至2025年7月1日，市委第三巡察组反馈的问题共梳理整改任务4项，已完成2项，正在推进2项，未启动0项，逾期1项，整改完成率50.0%。现将有关情况通报如下。",
    });
  });

  it("has the five numbered sections in order", () => {
    expect(
      b.blocks.filter((x) => x.kind === "heading" && x.level === 1).map((x) => (x as { text: string }).text),
    ).toEqual([
      "一、总体进展",
      "二、逾期未完成事项",
      "三、疑似“纸面整改”事项",
      "四、台账填报不完整事项",
      "五、下一步工作要求",
    ]);
  });

  it("counts tasks by department, with a 合计 row", () => {
    const t = tables(b)[0]!;
    expect(t.columns.map((c) => c.header)).toEqual([
      "序号",
      "责任部门",
      "任务数",
      "已完成",
      "正在推进",
      "未启动",
      "逾期",
      "完成率",
    ]);
    expect(t.rows).toEqual([
      [1, "办公室", 2, 1, 1, 0, 1, "50.0%"],
      [2, "人事处", 2, 1, 1, 0, 0, "50.0%"],
    ]);
    expect(t.total).toEqual(["合计", "", 4, 2, 2, 0, 1, "50.0%"]);
  });

  it("names the overdue tasks with department, lead, deadline as written and days", () => {
    const s = section(b, "二、逾期未完成事项");
    expect(s[0]).toEqual({
      kind: "paragraph",
      text: "截至2025年7月1日，共有1项整改任务超过整改时限仍未完成，涉及办公室。具体如下：",
    });
    const t = s[1] as TableBlock;
    expect(t.columns.map((c) => c.header)).toEqual([
      "序号",
      "反馈问题",
      "整改措施",
      "责任部门",
      "责任领导",
      "整改时限",
      "逾期天数",
    ]);
    expect(t.rows).toEqual([
      [1, "党组专题研究党风廉政建设次数偏少", "每季度至少专题研究1次", "办公室", "张明", "2025年6月19日", 12],
    ]);
  });

  it("lists the paper-only tasks with their reason in words and the cell", () => {
    const t = section(b, "三、疑似“纸面整改”事项")[1] as TableBlock;
    expect(t.rows).toEqual([[1, "干部选拔程序不严", "人事处", "标注已完成，但无佐证材料", "H6"]]);
  });

  it("lists the incomplete entries by task", () => {
    const t = section(b, "四、台账填报不完整事项")[1] as TableBlock;
    expect(t.rows).toEqual([[1, 7, "编外人员管理混乱", "人事处", "未填写责任领导（D7）"]]);
  });

  it("names the overdue departments in the next steps and signs with the issuer and date", () => {
    const s = section(b, "五、下一步工作要求");
    expect(s[0]).toEqual({ kind: "heading", level: 2, text: "（一）加快推进逾期事项整改" });
    expect((s[1] as { text: string }).text.startsWith("逾期事项涉及的办公室要逐项分析逾期原因")).toBe(true);
    expect(s.filter((x) => x.kind === "heading")).toHaveLength(4);
    expect(b.blocks.at(-1)).toEqual({
      kind: "signature",
      issuer: "市教育局党组巡察整改工作领导小组办公室",
      date: "2025年7月1日",
    });
  });
});

describe("buildBulletin: names and empty sections", () => {
  it("has sensible defaults when body and inspection are missing", () => {
    const b = buildBulletin(report([], { tasks: 1, done: 1, completionRate: 1 }), small, { lang: "zh", bulletin: {} });
    expect(b.title).toBe("关于巡察反馈问题整改进展情况的通报");
    expect((b.blocks[0] as { text: string }).text.startsWith("截至2025年7月1日，巡察反馈的问题共梳理整改任务1项")).toBe(
      true,
    );
    expect(b.blocks.at(-1)).toEqual({ kind: "signature", issuer: "巡察整改工作领导小组办公室", date: "2025年7月1日" });
    expect(section(b, "二、逾期未完成事项")).toEqual([{ kind: "paragraph", text: "无逾期事项。" }]);
    expect(section(b, "三、疑似“纸面整改”事项")).toEqual([
      { kind: "paragraph", text: "经比对台账，未发现疑似“纸面整改”事项。" },
    ]);
    expect(section(b, "四、台账填报不完整事项")).toEqual([{ kind: "paragraph", text: "台账各项要素填报完整。" }]);
  });

  it("takes the title and issuer options over the generated ones", () => {
    const b = buildBulletin(report([], {}), small, {
      lang: "zh",
      bulletin: { ...names, title: "关于巡察整改工作的通报", issuer: "中共某某委员会办公室" },
    });
    expect(b.title).toBe("关于巡察整改工作的通报");
    expect(b.blocks.at(-1)).toMatchObject({ issuer: "中共某某委员会办公室" });
  });

  it("uses only the inspection, or only the body, when that is all it has", () => {
    const opts = (bulletin: object) => ({ lang: "zh" as const, bulletin });
    expect(buildBulletin(report([], {}), small, opts({ inspection: "区委第二巡察组" })).title).toBe(
      "关于区委第二巡察组反馈问题整改进展情况的通报",
    );
    expect(buildBulletin(report([], {}), small, opts({ body: "区教委" })).title).toBe(
      "关于区教委巡察反馈问题整改进展情况的通报",
    );
  });
});

describe("buildBulletin on the sample ledger", () => {
  const b = buildBulletin(sampleReport(), sampleLedger(), { lang: "zh", bulletin: names });

  it("mentions unknown statuses and adds their column, sorting departments by tasks", () => {
    expect((b.blocks[0] as { text: string }).text).toBe(
      "截至2025年7月1日，市委第三巡察组反馈的问题共梳理整改任务9项，已完成3项，正在推进4项，未启动1项，进展未填写或无法识别1项，逾期2项，整改完成率33.3%。现将有关情况通报如下。",
    );
    const t = tables(b)[0]!;
    expect(t.columns.map((c) => c.header)).toContain("进展未明");
    expect(t.rows.map((r) => r[1])).toEqual(["办公室", "人事处", "财务处", "基建处", "（未填写）", "机关党委"]);
    expect(t.total).toEqual(["合计", "", 9, 3, 4, 1, 1, 2, "33.3%"]);
  });

  it("puts the longest overdue first and groups findings of one task", () => {
    expect(tables(b)[1]!.rows.map((r) => [r[0], r[3], r[6]])).toEqual([
      [1, "办公室", 31],
      [2, "办公室", 1],
    ]);
    expect(tables(b)[2]!.rows[0]).toEqual([
      1,
      "干部选拔任用程序执行不严格，个别岗位动议环节民主推荐不充分",
      "人事处",
      "标注已完成，措施仅为开会、学习、发文，未见实际举措；标注已完成，但无佐证材料",
      "C6、H6",
    ]);
    expect(tables(b)[3]!.rows).toEqual([
      [
        1,
        8,
        "专项资金使用绩效不高，部分项目资金闲置超过一年",
        "财务处",
        "未填写责任领导（D8）；整改时限“尽快”无法识别（F8）",
      ],
      [
        2,
        11,
        "工程变更审批把关不严，个别项目变更金额超过合同价10%未经集体研究",
        "（未填写）",
        "未填写责任部门（E11）；未填写整改进展（G11）",
      ],
    ]);
  });

  it("shortens long measures in tables", () => {
    const measures = tables(b)[1]!.rows[1]![2] as string;
    expect(Array.from(measures)).toHaveLength(60);
    expect(measures.endsWith("…")).toBe(true);
  });
});

describe("buildBulletin (en)", () => {
  const b = buildBulletin(report(smallFindings, smallSummary, "en"), small, { lang: "en", bulletin: names });

  it("writes an English title, opening, sections and signature", () => {
    expect(b.title).toBe("Bulletin on the Progress of Rectifying the Problems Found by 市委第三巡察组 at 市教育局党组");
    expect(b.blocks[0]).toEqual({
      kind: "paragraph",
      text: "As of 1 July 2025, the problems found by 市委第三巡察组 have been broken down into 4 rectification tasks: 2 done, 2 in progress, 0 not started; 1 overdue. The completion rate is 50.0%. The progress is reported as follows.",
    });
    expect(
      b.blocks.filter((x) => x.kind === "heading" && x.level === 1).map((x) => (x as { text: string }).text),
    ).toEqual([
      "I. Overall progress",
      "II. Overdue tasks",
      "III. Suspected “paper-only” rectification",
      "IV. Incomplete ledger entries",
      "V. Next steps",
    ]);
    expect(tables(b)[0]!.total).toEqual(["Total", "", 4, 2, 2, 0, 1, "50.0%"]);
    expect(tables(b)[2]!.rows[0]![3]).toBe("Marked done, but no evidence");
    expect(b.blocks.at(-1)).toEqual({
      kind: "signature",
      issuer: "Inspection Rectification Leading Group Office, 市教育局党组",
      date: "1 July 2025",
    });
  });

  it("has a generic English title without names", () => {
    const e = buildBulletin(report([], {}, "en"), small, { lang: "en", bulletin: {} });
    expect(e.title).toBe("Bulletin on the Progress of Rectifying the Problems Found by the Inspection");
  });
});

describe("helpers", () => {
  it("rounds percentages from counts, one decimal", () => {
    expect(percent(4, 13)).toBe("30.8%");
    expect(percent(1, 3)).toBe("33.3%");
    expect(percent(1, 8)).toBe("12.5%");
    expect(percent(0, 0)).toBe("0.0%");
  });

  it("shortens and flattens text", () => {
    expect(shorten("短文本")).toBe("短文本");
    expect(shorten("一\n二  三")).toBe("一 二 三");
    expect(shorten("甲".repeat(61))).toBe(`${"甲".repeat(59)}…`);
    expect(shorten("甲".repeat(60))).toBe("甲".repeat(60));
  });
});
