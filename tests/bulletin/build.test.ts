import { missingHint } from "../../src/core/bulletin/names-hint.js";
import { describe, expect, it } from "vitest";
import { buildBulletin, categoryName, percent, shorten, shown } from "../../src/core/bulletin/build.js";
import { titleText, type Block, type Bulletin, type TableBlock } from "../../src/core/bulletin/model.js";
import { WORDS } from "../../src/core/bulletin/words.js";
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
  problems: 4,
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
  const end = rest.findIndex((x) => x.kind === "heading" && x.level === 1);
  return end < 0 ? rest : rest.slice(0, end);
}

/** Every text the handout prints: title, 主送, blocks, closing and signature. */
function allText(b: Bulletin): string {
  const parts: string[] = [titleText(b), b.recipient ?? "", b.closing ?? "", b.signature.issuer, b.signature.date];
  for (const x of b.blocks) {
    if (x.kind === "table") {
      parts.push(
        x.caption ?? "",
        ...x.columns.map((c) => c.header),
        ...x.rows.flat().map(String),
        ...(x.total ?? []).map(String),
      );
    } else parts.push((x.kind === "paragraph" ? (x.lead ?? "") : "") + x.text);
  }
  return parts.join("\n");
}
function table(b: Bulletin, captionHas: string): TableBlock {
  const t = tables(b).find((x) => x.caption?.includes(captionHas) === true);
  expect(t, `a table captioned …${captionHas}…`).toBeDefined();
  return t!;
}
const paragraphs = (b: Bulletin) => b.blocks.flatMap((x) => (x.kind === "paragraph" ? [x.text] : []));
const headings = (b: Bulletin, level: 1 | 2) =>
  b.blocks.flatMap((x) => (x.kind === "heading" && x.level === level ? [x.text] : []));

describe("buildBulletin (zh)", () => {
  const b = buildBulletin(report(smallFindings, smallSummary), small, { lang: "zh", bulletin: names });

  it("titles the bulletin with the issuing body first, breakable between words", () => {
    expect(titleText(b)).toBe("市教育局党组关于落实市委第三巡察组反馈意见整改进展情况的通报");
    expect(b.title).toEqual(["市教育局党组", "关于", "落实", "市委第三巡察组", "反馈意见", "整改进展情况的通报"]);
    expect(b.missing).toEqual([]);
  });

  it("has a 主送机关, 特此通报 and a signature by the body with the 成文日期", () => {
    expect(b.recipient).toBe("各有关部门（单位）：");
    expect(b.closing).toBe("特此通报。");
    expect(b.signature).toEqual({ issuer: "市教育局党组", date: "2025年7月1日" });
  });

  it("says every measure has its leader, department and deadline only when none is missing (the bulletin sweep of 2026-12-03)", () => {
    const complete = smallFindings.filter((f) => f.rule !== "missing-lead");
    const full = buildBulletin(report(complete, { ...smallSummary, incomplete: 0 }), small, {
      lang: "zh",
      bulletin: names,
    });
    expect(paragraphs(full)[0]).toContain("整改措施4条，逐项明确责任领导、责任部门和整改时限。");
    expect(paragraphs(b)[0]).not.toContain("逐项明确");
  });

  it("opens with who inspected and the figures for problems and measures both", () => {
    expect(b.blocks[0]).toEqual({
      kind: "paragraph",
      text:
        // No 逐项明确责任领导、责任部门和整改时限: a lead is missing (row 7).
        "市委第三巡察组反馈意见后，市教育局党组对反馈问题逐条梳理，明确整改问题4个、整改措施4条。" +
        // Only figures that are not zero are read out: no "未启动0条". The overdue are said of the
        // measures not done (`正在推进2条，其中…` read as among the last figure only).
        "截至2025年7月1日，已完成整改措施2条，正在推进2条；未完成的2条中，已超过整改时限1条；整改措施完成率50.0%，2个问题的整改措施已全部完成。现将整改进展情况通报如下。",
    });
  });

  it("has the four numbered parts of a real 通报", () => {
    expect(headings(b, 1)).toEqual([
      "一、整改工作总体进展",
      "二、已完成整改事项",
      "三、需要重点关注的问题",
      "四、下一步工作要求",
    ]);
  });

  it("counts measures by department and by leader, each with a 合计 row", () => {
    const d = table(b, "各责任部门");
    expect(d.columns.map((c) => c.header)).toEqual([
      "序号",
      "责任部门",
      "措施数",
      "已完成",
      "正在推进",
      "未启动",
      "逾期",
      "完成率",
    ]);
    expect(d.rows).toEqual([
      [1, "办公室", 2, 1, 1, 0, 1, "50.0%"],
      [2, "人事处", 2, 1, 1, 0, 0, "50.0%"],
    ]);
    expect(d.total).toEqual(["合计", "", 4, 2, 2, 0, 1, "50.0%"]);
    const l = table(b, "各责任领导");
    expect(l.columns.map((c) => c.header)).toEqual([
      "序号",
      "责任领导",
      "涉及部门",
      "措施数",
      "已完成",
      "未完成",
      "逾期",
      "完成率",
    ]);
    expect(l.rows).toEqual([
      [1, "张明", "办公室", 2, 1, 1, 1, "50.0%"],
      [2, "李华", "人事处", 1, 1, 0, 0, "100%"],
    ]);
    // One measure has no leader: said in a sentence, never a "(not filled in)" row.
    expect(paragraphs(b)).toContain("另有1条整改措施未明确责任领导，未列入表2。");
  });

  it("lists the finished measures with their departments, one flagged paper-only as to be verified", () => {
    const s = section(b, "二、已完成整改事项");
    expect(s).toEqual([
      { kind: "paragraph", text: "截至2025年7月1日，已完成整改措施2条：" },
      { kind: "paragraph", lead: "1.", text: "清退违规费用（办公室）" },
      // Row 6 has no evidence (三 lists it): not read out as an achievement unqualified.
      { kind: "paragraph", lead: "2.", text: "印发规程（人事处）（成效待核实）" },
    ]);
  });

  it("names the overdue measures with department, leader, deadline, days and current progress", () => {
    const t = table(b, "逾期");
    expect(t.columns.map((c) => c.header)).toEqual([
      "序号",
      "反馈问题",
      "整改措施",
      "责任部门",
      "责任领导",
      "整改时限",
      "逾期天数",
      "目前进展",
    ]);
    expect(t.rows).toEqual([
      [
        1,
        "党组专题研究党风廉政建设次数偏少",
        "每季度至少专题研究1次",
        "办公室",
        "张明",
        "2025年6月19日",
        12,
        "正在推进",
      ],
    ]);
    expect(paragraphs(b)).toContain("截至2025年7月1日，共有1条整改措施超过整改时限仍未完成，涉及办公室，具体见表3。");
  });

  it("lists paper-only measures by reason in words and incomplete entries by what they lack, with no cell", () => {
    expect(table(b, "纸面整改").rows).toEqual([[1, "干部选拔程序不严", "印发规程", "人事处", "已完成但无佐证材料"]]);
    const t = table(b, "台账填报");
    // With its measure: a problem's three measures named by the problem alone left the clerk guessing.
    expect(t.columns.map((c) => c.header)).toEqual(["序号", "反馈问题", "整改措施", "责任部门", "需补充完善的内容"]);
    expect(t.rows[0]!.filter((_, k) => k !== 2)).toEqual([1, "编外人员管理混乱", "人事处", "未填写责任领导"]);
    expect(t.rows[0]![2]).not.toBe("—");
  });

  it("says so in one sentence when nothing falls due, naming the window the check used", () => {
    expect(section(b, "三、需要重点关注的问题")).toContainEqual({
      kind: "paragraph",
      text: "近期无即将到期的整改措施。",
    });
    // The notices name their windows (黄色10日, 绿色11至20日): "近期无" beside a notice's 还有14天到期
    // read as a contradiction (the bulletin sweep of 2026-12-03).
    const named = buildBulletin(report(smallFindings, smallSummary), small, {
      lang: "zh",
      bulletin: names,
      dueSoonDays: 10,
    });
    expect(section(named, "三、需要重点关注的问题")).toContainEqual({
      kind: "paragraph",
      text: "10日内无到期的整改措施。",
    });
  });

  it("draws the next steps from what was found", () => {
    const s = section(b, "四、下一步工作要求");
    expect(s.filter((x) => x.kind === "heading").map((x) => (x as { text: string }).text)).toEqual([
      "（一）加快推进逾期事项整改",
      "（二）坚决防止“纸面整改”",
      "（三）规范整改台账填报",
      "（四）严格对账销号",
    ]);
    const text = s.map((x) => (x as { text: string }).text).join("");
    expect(text).toContain("办公室要逐项分析逾期原因");
    expect(text).toContain("对已完成但无佐证材料的整改措施，人事处要逐项核实整改成效");
    expect(text).toContain("人事处要对照台账要素，补充完善责任领导等内容");
  });

  it("prints nothing internal: no cell address, row number, unfilled row or unknown-status count", () => {
    const all = allText(b);
    expect(all).not.toMatch(/\b[A-Z]{1,3}\d+\b/);
    expect(all).not.toContain("行号");
    expect(all).not.toContain("单元格");
    expect(all).not.toContain("未填写）");
    expect(all).not.toContain("无法识别");
  });
});

describe("buildBulletin: 巡视 or 巡察, as the ledger says", () => {
  const opts = (bulletin: object) => ({ lang: "zh" as const, bulletin });
  const r = report(smallFindings, smallSummary);

  it("uses 巡视 everywhere for a 巡视, in title, body and signature", () => {
    const b = buildBulletin(r, small, opts({ body: "XX大学党委", inspection: "省委第三巡视组" }));
    expect(titleText(b)).toBe("XX大学党委关于落实省委第三巡视组反馈意见整改进展情况的通报");
    expect(b.signature.issuer).toBe("XX大学党委");
    expect(allText(b)).not.toContain("巡察");
    expect(b.missing).toEqual([]);
  });

  it("takes the kind from the ledger's title when it carries one", () => {
    const withTitle = { ...small, title: { body: "XX大学党委", kind: "巡视" as const } };
    const b = buildBulletin(r, withTitle, opts({}));
    expect(titleText(b)).toBe("XX大学党委关于落实巡视反馈意见整改进展情况的通报");
    expect(b.missing).toEqual(["inspection"]);
  });

  it("never guesses: without a word for it, neither 巡视 nor 巡察 is printed, and the names are reported missing", () => {
    const b = buildBulletin(r, small, opts({}));
    const all = allText(b);
    expect(all).not.toMatch(/巡视|巡察/);
    expect(titleText(b)).toBe("整改工作领导小组办公室关于落实反馈意见整改进展情况的通报");
    expect(b.missing).toEqual(["kind", "body", "inspection"]);
    expect(b.blocks[0]).toMatchObject({ text: expect.stringMatching(/^对照反馈意见，对反馈问题逐条梳理/) });
  });

  it("says when the feedback came, given the day (--feedback-date), as a real bulletin's opening does", () => {
    const on = (bulletin: object, lang: "zh" | "en" = "zh") =>
      (
        buildBulletin(report(smallFindings, smallSummary, lang), small, { lang, bulletin }).blocks[0] as {
          text: string;
        }
      ).text;
    expect(on({ ...names, feedbackDate: "2025-03-11" })).toMatch(
      /^市委第三巡察组于2025年3月11日反馈意见后，市教育局党组对反馈问题逐条梳理/,
    );
    expect(on({ body: "市教育局党组", feedbackDate: "2025-03-11" })).toMatch(
      /^2025年3月11日收到反馈意见后，市教育局党组/,
    );
    expect(on({ ...names, feedbackDate: "2025-03-11" }, "en")).toMatch(
      /^Following the feedback of 市委第三巡察组 on 11 March 2025, /,
    );
    expect(on(names)).toMatch(/^市委第三巡察组反馈意见后，/);
  });

  it("takes --kind, --issuer, --title, --recipient and --date over the generated ones", () => {
    const b = buildBulletin(
      r,
      small,
      opts({ kind: "巡察", issuer: "中共某某委员会", recipient: "各党支部、各科室：", date: "2025-07-03" }),
    );
    expect(titleText(b)).toBe("中共某某委员会关于落实巡察反馈意见整改进展情况的通报");
    expect(b.recipient).toBe("各党支部、各科室：");
    expect(b.signature).toEqual({ issuer: "中共某某委员会", date: "2025年7月3日" });
    // The figures stay as of the check date; only the 成文日期 moves.
    expect((b.blocks[0] as { text: string }).text).toContain("截至2025年7月1日");
    expect(buildBulletin(r, small, opts({ recipient: "" })).recipient).toBeUndefined();
    expect(titleText(buildBulletin(r, small, opts({ title: "关于巡察整改工作的通报" })))).toBe(
      "关于巡察整改工作的通报",
    );
  });
});

describe("buildBulletin: part 二 by the feedback's categories", () => {
  const cat = (t: (typeof small.tasks)[number], category: string) => ({ ...t, category });
  const l = {
    ...small,
    tasks: [
      cat(small.tasks[0]!, "一、关于落实全面从严治党主体责任方面"),
      cat(small.tasks[1]!, "一、关于落实全面从严治党主体责任方面"),
      cat(small.tasks[2]!, "（二）干部队伍建设问题"),
      cat(small.tasks[3]!, "（二）干部队伍建设问题"),
    ],
  };
  const b = buildBulletin(report(smallFindings, smallSummary), l, { lang: "zh", bulletin: names });

  it("heads each category `（一）关于……方面的整改` with its figures and its finished measures", () => {
    expect(headings(b, 1)[1]).toBe("二、反馈意见整改落实情况");
    const s = section(b, "二、反馈意见整改落实情况");
    expect(s.filter((x) => x.kind === "heading").map((x) => (x as { text: string }).text)).toEqual([
      "（一）关于落实全面从严治党主体责任方面的整改",
      "（二）关于干部队伍建设问题的整改",
    ]);
    expect(s[1]).toEqual({
      kind: "paragraph",
      text: "该方面共有问题2个、整改措施2条，已完成1条，正在推进1条，完成率50.0%；未完成的1条均已逾期。",
    });
    expect(s.slice(2, 4)).toEqual([
      { kind: "paragraph", text: "已完成的整改措施：" },
      { kind: "paragraph", lead: "1.", text: "清退违规费用（办公室）" },
    ]);
  });

  it("reads category captions without their numbers, 关于 and 方面", () => {
    expect(categoryName("一、关于贯彻落实党的教育方针方面")).toEqual({ name: "贯彻落实党的教育方针", aspect: true });
    expect(categoryName("（三）关于选人用人方面问题：")).toEqual({ name: "选人用人", aspect: true });
    expect(categoryName("第二部分 巡察整改长效机制")).toEqual({ name: "巡察整改长效机制", aspect: false });
    expect(categoryName("二、党风廉政建设方面的整改")).toEqual({ name: "党风廉政建设", aspect: true });
  });
});

describe("buildBulletin on the sample ledger", () => {
  const b = buildBulletin(sampleReport(), sampleLedger(), { lang: "zh", bulletin: names });

  it("does not count the unfilled department, nor the unknown status in the opening", () => {
    expect(paragraphs(b)).toContain("整改措施涉及5个责任部门，各部门整改进展情况见表1。");
    const t = table(b, "各责任部门");
    // The one measure with no status has no department either: no 进展待报 column is needed.
    expect(t.columns.map((c) => c.header)).not.toContain("进展待报");
    expect(t.rows.map((r) => r[1])).toEqual(["办公室", "人事处", "财务处", "基建处", "机关党委"]);
    expect(paragraphs(b)).toContain("另有1条整改措施未明确责任部门，未列入表1，请尽快明确。");
    expect((b.blocks[0] as { text: string }).text).not.toMatch(/未填写|无法识别|进展未/);
  });

  it("puts the longest overdue first and groups the findings of one measure", () => {
    expect(table(b, "逾期").rows.map((r) => [r[0], r[3], r[6]])).toEqual([
      [1, "办公室", 31],
      [2, "办公室", 1],
    ]);
    expect(table(b, "纸面整改").rows[0]!.slice(3)).toEqual(["人事处", "只有会议和文件；已完成但无佐证材料"]);
    expect(table(b, "台账填报").rows.map((r) => r.slice(3))).toEqual([
      ["财务处", "未填写责任领导；整改时限“尽快”不明确"],
      ["—", "未填写责任部门；未填写整改进展"],
    ]);
  });

  it("shortens long measures in tables", () => {
    const measures = table(b, "逾期").rows[1]![2] as string;
    expect(Array.from(measures)).toHaveLength(60);
    expect(measures.endsWith("…")).toBe(true);
  });
});

describe("buildBulletin (en)", () => {
  const zh = buildBulletin(report(smallFindings, smallSummary), small, { lang: "zh", bulletin: names });
  const b = buildBulletin(report(smallFindings, smallSummary, "en"), small, { lang: "en", bulletin: names });

  it("has the same structure as the Chinese one", () => {
    const shape = (x: Bulletin) =>
      x.blocks.map((k) =>
        k.kind === "table" ? `table:${k.columns.length}:${k.rows.length}` : `${k.kind}${"level" in k ? k.level : ""}`,
      );
    expect(shape(b)).toEqual(shape(zh));
    // The figures are the same; only the words differ.
    const numbers = (x: Bulletin) => tables(x).map((t) => t.rows.map((r) => r.filter((c) => typeof c === "number")));
    expect(numbers(b)).toEqual(numbers(zh));
  });

  it("writes plain English title, opening, parts and signature", () => {
    expect(titleText(b)).toBe("Bulletin of 市教育局党组 on Progress in Acting on the Feedback of 市委第三巡察组");
    expect((b.blocks[0] as { text: string }).text).toBe(
      // "the feedback" once; no "0 not started".
      "Following the feedback of 市委第三巡察组, 4 problems were identified, with 4 rectification measures. " +
        "As of 1 July 2025, 2 measures are done, 2 in progress; of the 2 not done, 1 is past the deadline. " +
        "The completion rate is 50.0%, and all measures are done for 2 of the problems. The progress is reported as follows.",
    );
    expect(headings(b, 1)).toEqual([
      "I. Overall progress",
      "II. Measures completed",
      "III. Matters needing attention",
      "IV. Next steps",
    ]);
    expect(table(b, "paper-only").rows[0]![4]).toBe("done without evidence");
    expect(b.closing).toBe("This bulletin is hereby issued.");
    expect(b.signature).toEqual({ issuer: "市教育局党组", date: "1 July 2025" });
  });

  it("has a generic English title without names", () => {
    const e = buildBulletin(report([], {}, "en"), small, { lang: "en", bulletin: {} });
    expect(titleText(e)).toBe(
      "Bulletin of the Rectification Office on Progress in Acting on the Feedback of the Inspection",
    );
    // A title's capitals and article; the signature and the running text keep their own.
    expect(e.signature.issuer).toBe("Rectification Office");
    const k = buildBulletin(report([], {}, "en"), small, { lang: "en", bulletin: { kind: "巡察" } });
    expect(titleText(k)).toMatch(/on the Feedback of the Circuit Inspection$/);
    expect((k.blocks[0] as { text: string }).text).toMatch(/^Following the feedback of the circuit inspection, /);
  });
});

describe("helpers", () => {
  it("rounds percentages from counts, one decimal", () => {
    const w = WORDS.zh;
    expect(percent(w, 4, 13)).toBe("30.8%");
    expect(percent(w, 1, 3)).toBe("33.3%");
    expect(percent(w, 1, 8)).toBe("12.5%");
    // None and all as a clerk writes them; nothing short of all reads 100%, nothing above none 0%.
    expect(percent(w, 0, 0)).toBe("0%");
    expect(percent(w, 0, 7)).toBe("0%");
    expect(percent(w, 7, 7)).toBe("100%");
    expect(percent(w, 1999, 2000)).toBe("99.9%");
    expect(percent(w, 1, 2000)).toBe("0.1%");
  });

  it("shortens and flattens text", () => {
    expect(shorten("短文本")).toBe("短文本");
    expect(shorten("一\n二  三")).toBe("一 二 三");
    expect(shorten("甲".repeat(61))).toBe(`${"甲".repeat(59)}…`);
    expect(shorten("甲".repeat(60))).toBe("甲".repeat(60));
  });

  it("shows a HYPERLINK formula's friendly name, never its text", () => {
    expect(shown('=HYPERLINK("http://x.cn/a","招投标管理不规范")')).toBe("招投标管理不规范");
    expect(shown('=hyperlink("u", "a ""b""")')).toBe('a "b"');
    expect(shown("招投标管理不规范")).toBe("招投标管理不规范");
  });
});

describe("buildBulletin: the figures a meeting adds up", () => {
  const unreported = ledger([
    ...small.tasks,
    task({
      row: 8,
      text: { problem: "食堂管理不规范", measures: "完善食堂管理制度", lead: "王强", department: "后勤处", status: "" },
      deadline: date("2025-12-31"),
      status: "empty",
    }),
  ]);
  const summary = { ...smallSummary, problems: 5, tasks: 5, statusUnknown: 1 };

  it("says how many measures have no progress reported, so done, ongoing, not started and unreported make the total", () => {
    const b = buildBulletin(report(smallFindings, summary), unreported, { lang: "zh", bulletin: names });
    const opening = (b.blocks[0] as { text: string }).text;
    expect(opening).toContain(
      "截至2025年7月1日，已完成整改措施2条，正在推进2条，进展待报1条；未完成的3条中，已超过整改时限1条；",
    );
    const figures = [
      ...opening.slice(opening.indexOf("截至")).matchAll(/(?:已完成整改措施|正在推进|未启动|进展待报)(\d+)条/g),
    ];
    expect(figures.reduce((n, m) => n + Number(m[1]), 0)).toBe(5);
    const en = buildBulletin(report(smallFindings, summary, "en"), unreported, { lang: "en", bulletin: names });
    expect((en.blocks[0] as { text: string }).text).toContain(
      "As of 1 July 2025, 2 measures are done, 2 in progress, 1 not yet reported; of the 3 not done, 1 is past the deadline.",
    );
  });

  it("counts a problem filled down over its measure rows once, as the summary does", () => {
    // The clerk wrote the problem again on each measure row instead of merging: one problem, two measures.
    const filled = ledger([
      small.tasks[1]!,
      task({
        row: 6,
        text: {
          problem: "公务接待不规范",
          measures: "修订接待办法",
          lead: "张明",
          department: "办公室",
          status: "已完成",
        },
        deadline: date("2025-05-31"),
        status: "done",
      }),
      small.tasks[3]!,
    ]);
    const b = buildBulletin(report([], { problems: 2, tasks: 3, done: 2, inProgress: 1 }), filled, {
      lang: "zh",
      bulletin: names,
    });
    const opening = (b.blocks[0] as { text: string }).text;
    expect(opening).toContain("明确整改问题2个、整改措施3条");
    expect(opening).toContain("1个问题的整改措施已全部完成");
    const cats = { ...filled, tasks: filled.tasks.map((t) => ({ ...t, category: "一、作风建设方面" })) };
    const c = buildBulletin(report([], { problems: 2, tasks: 3, done: 2, inProgress: 1 }), cats, {
      lang: "zh",
      bulletin: names,
    });
    expect(paragraphs(c)).toContain("该方面共有问题2个、整改措施3条，已完成2条，正在推进1条，完成率66.7%。");
  });

  it("numbers a 21st category 二十一 and a 100th 一百, never with a digit", () => {
    const many = ledger(
      Array.from({ length: 21 }, (_, i) =>
        task({
          row: 4 + i,
          text: {
            problem: `问题${i + 1}`,
            measures: `措施${i + 1}`,
            lead: "张明",
            department: "办公室",
            status: "已完成",
          },
          deadline: date("2025-05-31"),
          status: "done",
        }),
      ).map((t, i) => ({ ...t, category: `${i + 1}、第${i + 1}类` })),
    );
    const b = buildBulletin(report([], { problems: 21, tasks: 21, done: 21 }), many, { lang: "zh", bulletin: names });
    const h = headings(b, 2).filter((x) => x.startsWith("（") && x.includes("类"));
    expect(h[19]).toBe("（二十）关于第20类的整改");
    expect(h[20]).toBe("（二十一）关于第21类的整改");
    expect([10, 11, 20, 99, 100, 101, 110].map(WORDS.zh.numeral)).toEqual([
      "十",
      "十一",
      "二十",
      "九十九",
      "一百",
      "一百零一",
      "一百一十",
    ]);
  });
});

describe("buildBulletin: words that fit the ledger's state", () => {
  const overdueTask = (deadline: string) =>
    ledger([
      task({
        row: 4,
        text: {
          problem: "问题甲",
          measures: "措施甲",
          lead: "张明",
          department: "办公室",
          deadline,
          status: "正在推进",
        },
        deadline: date("2025-06-15"),
        status: "in-progress",
      }),
    ]);
  const overdueReport = report([finding("overdue", 4, "deadline", { days: 16, department: "办公室" })], {
    problems: 1,
    tasks: 1,
    inProgress: 1,
    overdue: 1,
  });

  it("prints a deadline written in figures as the bulletin writes dates, and words as the clerk wrote them", () => {
    for (const [written, shown] of [
      ["2025-06-15", "2025年6月15日"],
      ["2025/6/15", "2025年6月15日"],
      ["2025/6/15 0:00:00", "2025年6月15日"],
      ["2025.06.15", "2025年6月15日"],
      ["2025年6月15日前完成第一阶段", "2025年6月15日前完成第一阶段"],
    ]) {
      const b = buildBulletin(overdueReport, overdueTask(written!), { lang: "zh", bulletin: names });
      expect(table(b, "逾期未完成").rows[0]![5], written).toBe(shown);
    }
    const en = buildBulletin({ ...overdueReport, lang: "en" }, overdueTask("2025-06-15"), {
      lang: "en",
      bulletin: names,
    });
    expect(table(en, "Overdue").rows[0]![5]).toBe("15 June 2025");
  });

  it("prints an English ledger's progress in the Chinese bulletin's words, and the clerk's own otherwise", () => {
    // The bulletin sweep of 2026-12-03: 目前进展 read "In progress" in a Chinese bulletin.
    const withStatus = (status: string) => {
      const l = overdueTask("2025-06-15");
      l.tasks[0]!.cells.status!.text = status;
      return table(buildBulletin(overdueReport, l, { lang: "zh", bulletin: names }), "逾期未完成").rows[0]!.at(-1);
    };
    expect(withStatus("In progress")).toBe("正在推进");
    expect(withStatus("正在推进，已完成80%")).toBe("正在推进，已完成80%");
    expect(withStatus("80%")).toBe("80%");
  });

  it("without categories and nothing done says so without 该方面", () => {
    const b = buildBulletin(overdueReport, overdueTask("2025-06-15"), { lang: "zh", bulletin: names });
    // Nothing done: in words, not "已完成整改措施0条", and no rate of 0% after it.
    expect((b.blocks[0] as { text: string }).text).toContain(
      "截至2025年7月1日，尚无已完成的整改措施，正在推进1条；未完成的1条均已超过整改时限。现将整改进展情况通报如下。",
    );
    expect(section(b, "二、已完成整改事项")).toEqual([
      { kind: "paragraph", text: "截至2025年7月1日，暂无已完成的整改措施。" },
    ]);
    expect(paragraphs(b).join("")).not.toContain("该方面");
  });

  it("leaves out the steps the state makes empty: deadlines when all is done, checking what is done when nothing is", () => {
    const next = (b: Bulletin) =>
      headings(b, 2).filter((h) => section(b, "四、下一步工作要求").some((x) => "text" in x && x.text === h));
    const allDone = ledger([{ ...small.tasks[1]! }]);
    const a = buildBulletin(report([], { problems: 1, tasks: 1, done: 1 }), allDone, { lang: "zh", bulletin: names });
    expect(next(a)).toEqual(["（一）巩固整改成效", "（二）严格对账销号"]);
    // Nothing to point at: one sentence under 三, not four subsections of "none" (the bulletin sweep of 2026-12-03).
    expect(section(a, "三、需要重点关注的问题")).toEqual([
      {
        kind: "paragraph",
        text: "截至2025年7月1日，经比对台账，无超过整改时限、即将到期、疑似“纸面整改”或台账要素填报不全的整改措施。",
      },
    ]);
    const n = buildBulletin(overdueReport, overdueTask("2025-06-15"), { lang: "zh", bulletin: names });
    // Nothing done: no "对已完成事项逐项审核" (the bulletin sweep of 2026-12-03).
    expect(next(n)).toEqual(["（一）加快推进逾期事项整改", "（二）加强调度督办"]);
    expect(paragraphs(n).join("")).not.toContain("对已完成事项");
  });

  it("names the paper-only reasons as the table does, with 、 only between them", () => {
    const b = buildBulletin(
      report(
        [
          finding("paper-only", 6, "evidence", { reason: "no-evidence", department: "人事处" }),
          finding("paper-only", 6, "measures", { reason: "documents-only", department: "人事处" }),
          finding("paper-only", 7, "measures", { reason: "vague-measures", department: "人事处" }),
        ],
        smallSummary,
      ),
      small,
      { lang: "zh", bulletin: names },
    );
    expect(paragraphs(b).join("")).toContain(
      "对已完成但无佐证材料、只有会议和文件、措施空泛无法检验的整改措施，人事处要",
    );
  });

  it("reads Roman-numbered English captions without their number, and says '1 more', not 'Another 1'", () => {
    expect(categoryName("II. Party discipline")).toEqual({ name: "Party discipline", aspect: false });
    expect(categoryName("IV) Staffing")).toEqual({ name: "Staffing", aspect: false });
    expect(categoryName("Civic education")).toEqual({ name: "Civic education", aspect: false });
    const noDept = ledger([
      ...small.tasks,
      { ...small.tasks[3]!, row: 8, cells: { ...small.tasks[3]!.cells, department: undefined } },
    ]);
    const en = buildBulletin(report([], { ...smallSummary, tasks: 5 }, "en"), noDept, { lang: "en", bulletin: names });
    expect(paragraphs(en)).toContain(
      "1 more measure has no responsible department and is not in Table 1; a department should be named.",
    );
  });
});

describe("buildBulletin: one row per unit and per leader, however the clerk typed them", () => {
  const t = (row: number, lead: string, department: string, status: "done" | "in-progress") =>
    task({
      row,
      text: {
        problem: `问题${row}`,
        measures: `措施${row}`,
        lead,
        department,
        status: status === "done" ? "已完成" : "正在推进",
      },
      deadline: date("2025-12-31"),
      status,
    });
  const l = ledger([
    t(4, "张明", "（二）支部", "done"),
    t(5, "张明", "(二)支部", "in-progress"),
    t(6, "李华", "ＩＴ中心", "done"),
    t(7, "李华、王强", "IT 中心", "in-progress"),
  ]);
  const b = buildBulletin(report([], { problems: 4, tasks: 4, done: 2, inProgress: 2 }), l, {
    lang: "zh",
    bulletin: names,
  });

  it("counts a unit spelt with full- or half-width brackets, letters or spaces once, under its first spelling", () => {
    const d = table(b, "各责任部门");
    expect(d.rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ["（二）支部", 2, 1],
      ["ＩＴ中心", 2, 1],
    ]);
    expect(paragraphs(b)).toContain("整改措施涉及2个责任部门，各部门整改进展情况见表1。");
  });

  it("counts a measure two leaders lead under each of them, and once in the total", () => {
    const d = table(b, "各责任领导");
    expect(d.rows.map((r) => [r[1], r[3], r[4]])).toEqual([
      ["张明", 2, 1],
      ["李华", 2, 1],
      ["王强", 1, 0],
    ]);
    expect(d.total?.slice(3, 5)).toEqual([4, 2]);
    // The rows add up to 5 against a total of 4: the table says why, once.
    expect(paragraphs(b)).toContain("由多位领导共同牵头的整改措施分别计入各位领导，表2合计按整改措施条数统计。");
    expect(paragraphs(b).join("")).not.toContain("由多个部门共同负责");
  });
});

describe("missingHint: the names the bulletin left out, asked for in one line", () => {
  it("names them with their options, in plain words in each language", () => {
    expect(missingHint(["kind", "body", "inspection"], "zh")).toBe(
      "提示：台账标题未写明巡视还是巡察、被巡视（巡察）单位、巡视（巡察）组，通报中暂未写出；可用 --kind --body --inspection 指定。",
    );
    expect(missingHint(["body", "inspection"], "en")).toBe(
      "Note: the ledger's title does not name the inspected body or the inspection team, so the bulletin leaves them out; give them with --body --inspection.",
    );
    expect(missingHint(["kind"], "en")).toBe(
      "Note: the ledger's title does not name the kind of inspection (巡视 or 巡察), so the bulletin leaves it out; give it with --kind.",
    );
  });
});

describe("buildBulletin: a category with nothing done", () => {
  it("gives its figures without a nought and says once that nothing is done", () => {
    const cats = ledger([small.tasks[0]!, small.tasks[3]!].map((t) => ({ ...t, category: "一、作风建设方面" })));
    const b = buildBulletin(report([], { problems: 2, tasks: 2, inProgress: 2 }), cats, {
      lang: "zh",
      bulletin: names,
    });
    const s = section(b, "二、反馈意见整改落实情况");
    expect(s.slice(1).map((x) => ("text" in x ? x.text : ""))).toEqual([
      "该方面共有问题2个、整改措施2条，正在推进2条。",
      "该方面暂无已完成的整改措施。",
    ]);
  });
});
