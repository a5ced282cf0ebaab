import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectLayout } from "../../../src/core/ledger/detect.js";
import { isBlank, readTasks } from "../../../src/core/ledger/rows.js";
import { readTitle } from "../../../src/core/ledger/title.js";
import { fieldText } from "../../../src/core/ledger/model.js";
import { grid } from "../../helpers/grid.js";

const H = ["序号", "反馈问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改进展", "佐证材料"];

function tasksOf(rows: Parameters<typeof grid>[0], merges: string[] = []) {
  const g = grid(rows, merges);
  const layout = detectLayout(g)!;
  return { g, layout, tasks: readTasks(g, layout) };
}

describe("readTasks", () => {
  it("applies a merged problem, number and leader to every row it spans", () => {
    const { tasks } = tasksOf(
      [
        H,
        [1, "学习制度执行不严", "制定学习计划", "孙某", "办公室", "2025年3月31日", "已完成", "计划"],
        [null, null, "印发通知", null, "办公室", "立行立改", "已完成", ""],
      ],
      ["A2:A3", "B2:B3", "D2:D3"],
    );
    expect(tasks.map((t) => t.row)).toEqual([2, 3]);
    expect(fieldText(tasks[1]!, "problem")).toBe("学习制度执行不严");
    expect(fieldText(tasks[1]!, "lead")).toBe("孙某");
    // The merged cell is addressed by its top-left, where its value lives.
    expect(tasks[1]!.cells.lead).toMatchObject({ row: 2, col: 4 });
    expect(tasks[1]!.cells.measures).toMatchObject({ row: 3, col: 3, text: "印发通知" });
  });

  it("reads a row numbered with a category's numeral and nothing to do as a caption, however it is laid out", () => {
    // The reading sweep of 2026-12-02: each caption was a task with five missing fields.
    const t = (n: number) => [n, `问题${n}`, `措施${n}`, "张某", "办公室", "2025年9月30日", "正在推进", "台账"];
    const { tasks } = tasksOf([
      H,
      [null, "政治建设方面存在的问题", null, null, null, null, null, null],
      t(1),
      ["二", "落实中央八项规定精神方面", null, null, null, null, "共2项", null],
      t(2),
      ["（四）", "干部队伍建设", null, null, null, null, null, null],
      t(3),
      ["五、", "意识形态工作（3项）", null, null, "宣传科", null, null, null],
      t(4),
      // A problem listed with nothing filled in yet is a task, and its gaps are findings.
      [5, "问题5", null, null, null, null, null, null],
      // So is a task numbered 六 that has something to do.
      ["六", "问题6", "措施6", null, null, null, null, null],
    ]);
    expect(tasks.map((x) => [x.row, x.category])).toEqual([
      [3, "政治建设方面存在的问题"],
      [5, "二、落实中央八项规定精神方面"],
      [7, "（四）干部队伍建设"],
      [9, "五、意识形态工作（3项）"],
      [10, "五、意识形态工作（3项）"],
      [11, "五、意识形态工作（3项）"],
    ]);
  });

  it("reads a deadline that lost its date format by the workbook's date system", () => {
    const g = grid([H, [1, "问题甲", "措施甲", "王某", "财务科", 44376, "正在推进", ""]]);
    const layout = detectLayout(g)!;
    expect(readTasks(g, layout)[0]!.deadline).toMatchObject({ date: "2021-06-29" });
    expect(readTasks({ ...g, date1904: true }, layout)[0]!.deadline).toMatchObject({ date: "2025-06-30" });
  });

  it("takes the unit marked 牵头 (else the first) from a column of the department and its co-units", () => {
    const { tasks } = tasksOf([
      ["序号", "反馈问题", "整改措施", "责任领导", "牵头单位及配合单位", "整改时限", "整改进展"],
      [1, "问题甲", "措施甲", "王某", "财务科（牵头）、办公室", "2025年9月30日", "正在推进"],
      [2, "问题乙", "措施乙", "李某", "办公室、财务科(牵头)", "2025年9月30日", "正在推进"],
      [3, "问题丙", "措施丙", "赵某", "牵头：组织科；配合：办公室", "2025年9月30日", "正在推进"],
      [4, "问题丁", "措施丁", "钱某", "后勤科，保卫科", "2025年9月30日", "正在推进"],
      [5, "问题戊", "措施戊", "孙某", "", "2025年9月30日", "正在推进"],
    ]);
    expect(tasks.map((t) => fieldText(t, "department"))).toEqual(["财务科", "财务科", "组织科", "后勤科", ""]);
    expect(tasks[0]!.cells.department?.shown).toBe("财务科（牵头）、办公室");
    // In a plain 责任部门 column, the cell is read whole (units responsible together), unless it
    // marks the roles itself: then the unit marked 牵头 is the one.
    const plain = tasksOf([
      H,
      [1, "问题甲", "措施甲", "王某", "财务科、办公室", "2025年9月30日", "正在推进", ""],
      [2, "问题乙", "措施乙", "王某", "办公室（配合）、财务科（牵头）", "2025年9月30日", "正在推进", ""],
      [3, "问题丙", "措施丙", "王某", "牵头单位：组织科；配合单位：办公室", "2025年9月30日", "正在推进", ""],
      [4, "问题丁", "措施丁", "王某", "牵头办法修订小组", "2025年9月30日", "正在推进", ""],
      [5, "问题戊", "措施戊", "王某", "办公室（配合）、财务科", "2025年9月30日", "正在推进", ""],
      [6, "问题己", "措施己", "王某", "配合：办公室", "2025年9月30日", "正在推进", ""],
    ]);
    expect(plain.tasks.map((t) => fieldText(t, "department"))).toEqual([
      "财务科、办公室",
      "财务科",
      "组织科",
      "牵头办法修订小组",
      "财务科",
      // Only a co-unit: no responsible one.
      "",
    ]);
  });

  it("takes the adjusted deadline where it is filled in, the original where it is not", () => {
    const { tasks } = tasksOf([
      ["序号", "反馈问题", "整改措施", "责任领导", "责任部门", "整改时限", "调整后时限", "整改进展"],
      [1, "问题甲", "措施甲", "王某", "财务科", "2025年3月31日", "2025年9月30日", "正在推进"],
      [2, "问题乙", "措施乙", "李某", "办公室", "2025年3月31日", null, "正在推进"],
    ]);
    expect(tasks.map((t) => [t.deadline, t.cells.deadline?.col])).toEqual([
      [{ kind: "date", date: "2025-09-30", precision: "day", ongoing: false }, 7],
      [{ kind: "date", date: "2025-03-31", precision: "day", ongoing: false }, 6],
    ]);
  });

  it("reads 同上 and 〃 as the task above's value, at the cell the clerk typed it in", () => {
    // The reading sweep of 2026-12-02: `〃` was a missing lead, `同上` a department in the bulletin.
    const { tasks } = tasksOf([
      H,
      [1, "问题甲", "措施甲", "王某", "财务科", "2025年6月30日", "正在推进", "台账"],
      [2, "问题乙", "措施乙", "〃", "同上", "同上", "〃", "清单"],
      [3, "问题丙", "措施丙", "”", "同上。", "2025年9月30日", "未启动", ""],
    ]);
    expect(tasks.map((t) => [fieldText(t, "lead"), fieldText(t, "department")])).toEqual([
      ["王某", "财务科"],
      ["王某", "财务科"],
      ["王某", "财务科"],
    ]);
    expect(tasks[1]!.cells.lead).toMatchObject({ row: 3, col: 4, shown: "〃" });
    expect(tasks[1]!.deadline).toEqual(tasks[0]!.deadline);
    expect(tasks[1]!.status.kind).toBe("in-progress");
    // With nothing above it, "as above" says nothing.
    const first = tasksOf([H, [1, "问题甲", "措施甲", "同上", "办公室", "2025年6月30日", "正在推进", ""]]).tasks[0]!;
    expect(fieldText(first, "lead")).toBe("");
  });

  it("reads 同上 on one side of a lead-and-department cell as the side above, the other side its own", () => {
    // The bulletin sweep of 2026-12-02: `李某/同上` put a department named 同上 in Table 1.
    const P = ["序号", "反馈问题", "整改措施", "责任领导/责任部门", "整改时限", "整改进展", "佐证材料"];
    const { tasks } = tasksOf([
      P,
      [1, "问题甲", "措施甲", "王某/财务科", "2025年6月30日", "正在推进", "台账"],
      [2, "问题乙", "措施乙", "李某/同上", "2025年6月30日", "正在推进", "清单"],
      [3, "问题丙", "措施丙", "〃/办公室", "2025年9月30日", "未启动", ""],
    ]);
    expect(tasks.map((t) => [fieldText(t, "lead"), fieldText(t, "department")])).toEqual([
      ["王某", "财务科"],
      ["李某", "财务科"],
      ["李某", "办公室"],
    ]);
  });

  it("skips a footer spread over the table's columns, but not a task whose problem opens with a footer word", () => {
    // Found by the reading sweep of 2026-12-02: each footer row was a task with four findings.
    const task = [1, "问题甲", "措施甲", "张某", "办公室", "2025年6月底", "正在推进", "记录"];
    for (const footer of [
      ["填报人：张某", null, null, "审核人：李某", null, "填报日期：2025年6月30日", null, "联系电话：12345678"],
      ["填报单位（盖章）：区教育局", null, "主要负责人签字：", null, null, null, "填报时间：2025年6月30日", null],
      [null, "填报人：张某", null, "审核人：李某", null, null, "联系电话：12345678", null],
      ["填报日期：2025年6月30日", null, null, null, "审核人", null, null, null],
    ]) {
      expect(
        tasksOf([H, task, footer]).tasks.map((t) => t.row),
        JSON.stringify(footer),
      ).toEqual([2]);
    }
    const real = [2, "审核把关不严", "建立复核制度", "李某", "财务科", "2025年6月底", "正在推进", ""];
    expect(tasksOf([H, task, real]).tasks.map((t) => t.row)).toEqual([2, 3]);
    const labelled = ["审核：", "问题乙", "措施乙", "李某", "财务科", "2025年6月底", "正在推进", ""];
    expect(tasksOf([H, task, labelled]).tasks.map((t) => t.row)).toEqual([2, 3]);
  });

  it("skips category, template, footer and blank rows, and records the category", () => {
    const { tasks } = tasksOf(
      [
        H,
        ["一、关于理论学习方面", null, null, null, null, null, null, null],
        [1, "问题甲", "措施甲", "张某", "办公室", "2025年6月底", "正在推进", ""],
        [null, null, null, null, null, null, null, null],
        ["（二）作风建设", null, null, null, null, null, null, null],
        [2, "问题乙", "措施乙", "李某", "督查室", "2025年", "未启动", ""],
        [3, null, null, null, null, null, null, null],
        [4, null, null, null, null, null, null, null],
        ["填报人：某某某    审核人：某某    联系电话：0000", null, null, null, null, null, null, null],
        ["说明：本清单共2项。", null, null, null, null, null, null, null],
      ],
      ["A2:H2", "A10:H10"],
    );
    expect(tasks.map((t) => t.row)).toEqual([3, 6]);
    expect(tasks[0]!.category).toBe("一、关于理论学习方面");
    expect(tasks[1]!.category).toBe("（二）作风建设");
  });

  it("skips totals rows, whatever figures they carry (found by the reading sweep of 2026-12-02)", () => {
    const { tasks } = tasksOf([
      H,
      [1, "问题甲", "措施甲", "张某", "办公室", "2025年6月底", "已完成", "纪要"],
      [2, "问题乙", "措施乙", "李某", "督查室", "2025年", "未启动", ""],
      ["合计", null, "2项", null, null, null, "已完成1项", null],
      [null, "合  计：", "2项", null, null, null, null, null],
      // An Excel table's total row, as Chinese and English Excel label it.
      ["汇总", null, null, null, null, null, 1, null],
      ["Total", null, null, null, null, null, 1, null],
      // A problem that only starts with such a word is a task.
      [3, "汇总统计数据不准确", "逐项核对", "王某", "统计科", "2025年12月底", "正在推进", ""],
    ]);
    expect(tasks.map((t) => t.row)).toEqual([2, 3, 8]);
  });

  it("keeps a row that has a problem but nothing else: it is an incomplete task, not a caption", () => {
    const { tasks } = tasksOf([H, [1, "督查检查事项过多过频", null, null, null, null, null, null]]);
    expect(tasks).toHaveLength(1);
  });

  it("parses deadline and status of each task", () => {
    const { tasks } = tasksOf([H, [1, "问题", "措施", "张某", "办公室", "2025年第三季度", "基本完成", ""]]);
    expect(tasks[0]!.deadline).toEqual({ kind: "date", date: "2025-09-30", precision: "quarter", ongoing: false });
    expect(tasks[0]!.status.kind).toBe("in-progress");
  });
});

describe("readTitle", () => {
  it("reads the inspection and the body from the title rows", () => {
    const g = grid(
      [
        ["市委第三巡察组反馈问题整改工作台账", null, null],
        ["单位：市教育局党组        更新日期：2025年9月1日", null, null],
        H,
        [1, "问题", "措施"],
      ],
      ["A1:H1", "A2:H2"],
    );
    expect(readTitle(g, detectLayout(g)!)).toEqual({
      inspection: "市委第三巡察组",
      body: "市教育局党组",
      kind: "巡察",
    });
  });
  it("returns nothing when there is no title", () => {
    const g = grid([H, [1, "问题", "措施"]]);
    expect(readTitle(g, detectLayout(g)!)).toEqual({});
  });
});

describe("isBlank", () => {
  it("agrees with !/\\S/ on any UTF-16 text", () => {
    const code = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }),
      fc.integer({ min: 0, max: 0x30 }),
      fc.constantFrom(0xa0, 0x1680, 0x2000, 0x200a, 0x200b, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff, 0x85),
    );
    fc.assert(
      fc.property(fc.array(code, { maxLength: 6 }), (codes) => {
        const s = String.fromCharCode(...codes);
        expect(isBlank(s)).toBe(!/\S/.test(s));
      }),
      { numRuns: 5000 },
    );
  });
});
