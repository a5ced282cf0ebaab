import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { bulletinDocx } from "../../../src/core/bulletin/docx.js";
import { layoutBulletin } from "../../../src/core/bulletin/layout.js";
import { checkGrid } from "../../../src/core/check.js";
import {
  buildNotices,
  noticeDocument,
  noticesDocument,
  replyByDate,
  type NoticeOptions,
} from "../../../src/core/notices/build.js";
import { chineseNumber } from "../../../src/core/notices/words.js";
import { config, grid, ledger } from "../../helpers/grid.js";

type T = Parameters<typeof ledger>[0][number];

const OPTIONS: NoticeOptions = {
  lang: "zh",
  dueSoonDays: 10,
  watchDays: 20,
  replyDays: 7,
  reasonName: (r) => `理由:${r}`,
};

function notices(tasks: T[], options: Partial<NoticeOptions> = {}, today = "2025-07-01") {
  const { ledger: l, report } = checkGrid(ledger(tasks), config({ today, dueSoonDays: options.dueSoonDays ?? 10 }));
  return { list: buildNotices(report, l, { ...OPTIONS, ...options }), report };
}

describe("督办清单: who gets a notice and in what order", () => {
  it("colours by time left: red overdue, yellow within the due-soon window, green within the watch window", () => {
    const { list } = notices([
      { department: "财务科", deadline: "2025年7月15日", problem: "绿" }, // 14 days: green
      { department: "财务科", deadline: "2025年6月20日", problem: "红" }, // overdue 11 days
      { department: "财务科", deadline: "2025年7月5日", problem: "黄" }, // 4 days: yellow
      { department: "财务科", deadline: "2025年9月30日", problem: "远" }, // nothing to do
    ]);
    expect(list).toHaveLength(1);
    expect(list[0]!.items.map((i) => [i.problem, i.level])).toEqual([
      ["红", "red"],
      ["黄", "yellow"],
      ["绿", "green"],
    ]);
    expect(list[0]!.items[0]!.todo[0]).toBe("已逾期11天，立即整改到位；确需延期的，说明原因并报批调整时限");
    expect(list[0]!.items[2]!.todo[0]).toBe("还有14天到期，提前安排，防止逾期");
  });

  it("prints each deadline written as a date in the notice's own form, words as written", () => {
    const { list } = notices([
      { department: "财务科", deadline: "2025-06-20 0:00:00", problem: "甲" },
      { department: "财务科", deadline: "2025/6/21", problem: "乙" },
      { department: "财务科", deadline: "2025年6月底前", problem: "丙" },
    ]);
    expect(list[0]!.items.map((i) => i.deadline)).toEqual(["2025年6月20日", "2025年6月21日", "2025年6月底前"]);
    // A failed lookup's #N/A is no deadline of the clerk's: the column is left blank (the item says why).
    const [n] = notices([{ department: "财务科", deadline: { error: "#N/A" } }]).list;
    expect(n!.items[0]!.deadline).toBe("");
    expect(n!.items[0]!.todo[0]).toContain("整改时限“#N/A”无法识别");
  });

  it("gives no notice to a department with nothing to act on", () => {
    const { list } = notices([
      { department: "办公室", deadline: "2025年12月31日" },
      { department: "财务科", deadline: "2025年6月1日" },
    ]);
    expect(list.map((n) => n.department)).toEqual(["财务科"]);
  });

  it("takes the windows from the options", () => {
    const { list } = notices([{ department: "办公室", deadline: "2025年7月25日" }], { watchDays: 30 });
    expect(list[0]!.items[0]!.level).toBe("green");
    expect(notices([{ department: "办公室", deadline: "2025年7月25日" }]).list).toEqual([]);
  });

  it("lists incomplete entries and suspected paper-only tasks with what to do", () => {
    const { list } = notices([
      { department: "教务处", lead: "", deadline: "尽快" },
      { department: "教务处", status: "已完成", evidence: "" },
    ]);
    const [a, b] = list[0]!.items;
    expect(a!.level).toBe("attention");
    expect(a!.todo).toEqual(["整改时限“尽快”无法识别，改为具体日期或期间", "补填台账中的责任领导"]);
    expect(b!.todo).toEqual(["疑似纸面整改（理由:no-evidence），补充佐证材料后再销号"]);
  });

  it("gives each paper-only sign its own remedy, and a status it cannot read its own words", () => {
    // The notices sweep of 2026-12-03: copied and slogan-only measures were asked for more evidence,
    // and 待报 was asked to be filled in as if blank.
    const same = "召开会议研究部署整改工作并印发整改方案";
    const { list } = notices([
      { department: "教务处", measures: same, problem: "问题甲", status: "正在推进" },
      { department: "教务处", measures: same, problem: "问题乙", status: "正在推进" },
      { department: "教务处", measures: "进一步提高认识，切实加强管理", status: "正在推进" },
      { department: "教务处", status: "待报" },
    ]);
    const todos = list[0]!.items.map((i) => i.todo.join("；"));
    expect(todos.filter((t) => t.includes("理由:duplicate-text"))).toEqual([
      "疑似纸面整改（理由:duplicate-text），针对本问题制定具体整改措施",
      "疑似纸面整改（理由:duplicate-text），针对本问题制定具体整改措施",
    ]);
    expect(todos).toContain("疑似纸面整改（理由:vague-measures），细化整改措施，写明做什么、做多少、何时完成");
    expect(todos).toContain("整改进展“待报”无法识别，改为已完成、正在推进或未启动");
  });

  it("names the field a lead-and-department column lacks by the rule, not by the column", () => {
    // One column, 责任领导/责任部门, holding both; `王某/` leaves the department empty (the sweep's
    // notice asked for the 责任领导).
    const g = grid([
      ["序号", "反馈问题", "整改措施", "责任领导/责任部门", "整改时限", "整改进展", "佐证材料"],
      [1, "问题甲", "措施甲", "王某/", "2025年12月31日", "正在推进", "台账"],
    ]);
    const { ledger: l, report } = checkGrid(g, config());
    const [notice] = buildNotices(report, l, OPTIONS);
    expect(notice!.items[0]!.todo).toEqual(["补填台账中的责任部门"]);
  });

  it("sends a task of several departments to each, and one without a department last", () => {
    const { list } = notices([
      { department: "", deadline: "2025年6月1日" },
      { department: "财务科、审计科", deadline: "2025年6月1日" },
      { department: "办公室", deadline: "2025年7月5日" },
    ]);
    expect(list.map((n) => n.department)).toEqual(["财务科", "审计科", "办公室", "（未明确责任部门）"]);
  });

  it("sends one notice to a unit however its name is spaced, and keeps a bracketed note with its name", () => {
    // The notices sweep of 2026-12-03: 办 公 室 (spaced to align) had a notice of its own, and
    // 基教科\n（幼教） gave one to a department called （幼教）.
    const { list } = notices([
      { department: "办公室", deadline: "2025年6月1日" },
      { department: "办 公 室", deadline: "2025年6月2日" },
      { department: "基教科\n（幼教）", deadline: "2025年6月3日" },
    ]);
    expect(list.map((n) => [n.department, n.items.length])).toEqual([
      ["办公室", 2],
      ["基教科（幼教）", 1],
    ]);
  });

  it("puts the unit with the most red first", () => {
    const { list } = notices([
      { department: "甲", deadline: "2025年6月1日" },
      { department: "乙", deadline: "2025年6月1日" },
      { department: "乙", deadline: "2025年6月2日" },
    ]);
    expect(list.map((n) => n.department)).toEqual(["乙", "甲"]);
  });
});

describe("督办清单 documents", () => {
  it("addresses the department, dates the check and asks for a reply by a date", () => {
    const { list } = notices([{ department: "财务科", deadline: "2025年6月20日" }]);
    const doc = noticeDocument(list[0]!, "2025-07-01", OPTIONS);
    const texts = doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    expect(doc.recipient).toBe("财务科：");
    expect(texts[0]).toContain("逐项核对（截至2025年7月1日）");
    // The colours are the 预警 column's words (no cell is coloured), and 待规范 is said too.
    expect(texts[0]).toContain(
      "“预警”一栏：红色为已逾期，黄色为10日内到期，绿色为11至20日内到期，待规范为台账填报需完善或疑似纸面整改。",
    );
    // Green is the days after yellow's (20日内 overlapped its 10), and not said when there are none.
    const narrow = noticeDocument(list[0]!, "2025-07-01", { ...OPTIONS, watchDays: OPTIONS.dueSoonDays });
    expect(narrow.blocks[0]!.kind === "paragraph" && narrow.blocks[0]!.text).not.toContain("绿色");
    expect(texts[1]).toBe("请于2025年7月8日前将办理情况及佐证材料报送整改工作领导小组办公室。");
    const table = doc.blocks.find((b) => b.kind === "table");
    expect(table && table.kind === "table" && table.rows[0]!.slice(0, 2)).toEqual([1, "红色（逾期）"]);
  });

  it("titles and signs the notice with the inspection and the inspected body's office when they are known", () => {
    // The notices sweep of 2026-12-03: every notice was 整改任务督办通知 from 整改工作领导小组办公室.
    const { list } = notices([{ department: "财务科", deadline: "2025年6月20日" }]);
    const named = { ...OPTIONS, body: "区教育局党委", inspection: "区委第二巡察组", kind: "巡察" as const };
    const doc = noticeDocument(list[0]!, "2025-07-01", named);
    expect(doc.title.join("")).toBe("关于督促落实区委第二巡察组反馈意见整改任务的通知");
    expect(doc.signature.issuer).toBe("区教育局党委巡察整改工作领导小组办公室");
    const texts = doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    expect(texts.at(-1)).toBe("请于2025年7月8日前将办理情况及佐证材料报送区教育局党委巡察整改工作领导小组办公室。");
    // --issuer still wins; without names, the generic title and office.
    expect(noticeDocument(list[0]!, "2025-07-01", { ...named, issuer: "某某办" }).signature.issuer).toBe("某某办");
    expect(noticeDocument(list[0]!, "2025-07-01", OPTIONS).title).toEqual(["整改任务督办通知"]);
  });

  it("keeps the reply paragraph with the signature in Word, so the signature never stands alone on a page", async () => {
    // The notices sweep of 2026-12-03: with five items or more the signature went over alone.
    const { list } = notices([{ department: "财务科", deadline: "2025年6月20日" }]);
    const xml = strFromU8(
      unzipSync(await bulletinDocx(noticeDocument(list[0]!, "2025-07-01", OPTIONS), "zh"))["word/document.xml"]!,
    );
    const reply = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)]
      .map((m) => m[0])
      .find((p) => p.includes("请于2025年7月8日前"))!;
    expect(reply).toContain("<w:keepNext/>");
  });

  it("speaks English with --lang en", () => {
    const { list } = notices([{ department: "Finance", deadline: "2025年6月30日" }], { lang: "en" });
    const doc = noticeDocument(list[0]!, "2025-07-01", { ...OPTIONS, lang: "en" });
    const texts = doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    expect(doc.recipient).toBe("Finance:");
    expect(texts[0]).toContain("checked item by item on 1 July 2025");
    expect(list[0]!.items[0]!.todo[0]).toBe(
      "1 day overdue: finish it now, or record why and get a new deadline approved",
    );
  });

  it("lays all notices out as one printable sheet, department by department", () => {
    const { list } = notices([
      { department: "甲", deadline: "2025年6月1日" },
      { department: "乙", deadline: "2025年7月5日" },
    ]);
    const sheet = layoutBulletin(noticesDocument(list, "2025-07-01", OPTIONS), "zh");
    const values = sheet.cells.map((c) => c.value);
    expect(values).toContain("整改任务督办清单");
    const heading = (text: string) => values.findIndex((v) => typeof v === "string" && v.trim() === text);
    expect(heading("一、甲")).toBeGreaterThan(0);
    expect(heading("一、甲")).toBeLessThan(heading("二、乙"));
    // The heading names the unit; no "甲：" line repeats it.
    expect(values.some((v) => typeof v === "string" && v.trim() === "甲：")).toBe(false);
    // One list for the leaders (the notices sweep of 2026-12-03): the opening, the legend and the
    // reply once, each unit's section by its name, never "你单位".
    const all = values.filter((v): v is string => typeof v === "string").join("");
    expect(all.split("“预警”一栏").length - 1).toBe(1);
    expect(all.split("请各部门于2025年7月8日前").length - 1).toBe(1);
    expect(all).not.toContain("你单位");
    expect(all).toContain("甲牵头负责的整改任务1项：");
  });

  it("numbers departments in Chinese", () => {
    expect([1, 10, 12, 20, 23, 99, 100].map(chineseNumber)).toEqual([
      "一",
      "十",
      "十二",
      "二十",
      "二十三",
      "九十九",
      "100",
    ]);
  });

  it("counts the reply-by date in calendar days across months", () => {
    expect(replyByDate("2025-06-28", 7)).toBe("2025-07-05");
  });
});
