import { describe, expect, it } from "vitest";
import { checkGrid } from "../../../src/core/check.js";
import { detectLayout } from "../../../src/core/ledger/detect.js";
import { readSentence, readTitle } from "../../../src/core/ledger/title.js";
import { ReportSchema } from "../../../src/core/report.js";
import { config, grid } from "../../helpers/grid.js";

const H = ["序号", "反馈问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改进展", "佐证材料"];
const TASK = [1, "问题", "开展专项检查3次", "张某", "办公室", "2025年12月31日", "正在推进", ""];

/** A ledger under the given title rows, each merged across the table as clerks do. */
function titled(...titles: (string | (string | null)[])[]) {
  const rows = titles.map((t) => (typeof t === "string" ? [t] : t));
  const merges = titles.flatMap((t, i) => (typeof t === "string" ? [`A${i + 1}:H${i + 1}`] : []));
  return grid([...rows, H, TASK], merges);
}

const titleOf = (g: ReturnType<typeof grid>) => readTitle(g, detectLayout(g)!);

describe("readTitle: DOMAIN.md's title rows", () => {
  it("reads the body, the inspection and its kind from `XX大学党委落实省委巡视反馈意见整改任务清单`", () => {
    expect(titleOf(titled("XX大学党委落实省委巡视反馈意见整改任务清单"))).toEqual({
      body: "XX大学党委",
      inspection: "省委巡视",
      kind: "巡视",
    });
  });
  it("reads the inspection group and 巡察 from `区委第二巡察组反馈意见整改落实台账`, and no body", () => {
    expect(titleOf(titled("区委第二巡察组反馈意见整改落实台账"))).toEqual({
      inspection: "区委第二巡察组",
      kind: "巡察",
    });
  });
  it("reads the body from `填报单位（盖章）：区教育工作党委`, past the note in brackets", () => {
    expect(
      titleOf(
        titled("区委第二巡察组反馈意见整改落实台账", "填报单位（盖章）：区教育工作党委      填报时间：2025年6月30日"),
      ),
    ).toEqual({ body: "区教育工作党委", inspection: "区委第二巡察组", kind: "巡察" });
  });
  it("reads 填报单位 and 填报时间 from cells of their own", () => {
    expect(
      titleOf(
        titled("区委第二巡察组反馈意见整改落实台账", [
          "填报单位：区教育工作党委",
          null,
          null,
          null,
          null,
          "填报时间：2025年6月30日",
        ]),
      ),
    ).toEqual({ body: "区教育工作党委", inspection: "区委第二巡察组", kind: "巡察" });
  });
  it("prefers the body the title sentence names over a 填报单位 (which may be a department filling in)", () => {
    expect(titleOf(titled("XX大学党委落实省委巡视反馈意见整改任务清单", "填报单位：党委办公室")).body).toBe(
      "XX大学党委",
    );
  });
  it("returns nothing when there is no title, and no kind when the title names none", () => {
    expect(titleOf(grid([H, TASK]))).toEqual({});
    expect(titleOf(titled("2025年度重点工作任务清单"))).toEqual({});
  });
  it("takes the kind from the sheet's name when the title rows do not say it", () => {
    const g = { ...grid([H, TASK]), sheet: "巡察整改台账" };
    expect(titleOf(g)).toEqual({ kind: "巡察" });
  });
});

describe("readSentence: title forms", () => {
  it.each([
    [
      "中共XX区教育局委员会关于区委第二巡察组反馈意见整改落实情况台账",
      { body: "中共XX区教育局委员会", inspection: "区委第二巡察组", kind: "巡察" },
    ],
    ["关于十九届中央第七轮巡视反馈意见整改任务清单", { inspection: "十九届中央第七轮巡视", kind: "巡视" }],
    ["市委第三巡察组反馈问题整改工作台账", { inspection: "市委第三巡察组", kind: "巡察" }],
    [
      "XX市教育局党组落实市委第三巡察组反馈意见整改台账",
      { body: "XX市教育局党组", inspection: "市委第三巡察组", kind: "巡察" },
    ],
    ["XX市卫健委党组对市委巡察反馈问题的整改台账", { body: "XX市卫健委党组", inspection: "市委巡察", kind: "巡察" }],
    ["省委第五巡视组 反馈意见 整改落实台账", { inspection: "省委第五巡视组", kind: "巡视" }],
    ["区教育局党委巡察整改工作台账", { body: "区教育局党委", kind: "巡察" }],
    ["巡察反馈意见整改台账", { kind: "巡察" }],
    // A 党组 or 党委 before the kind word is the body inspected (the reading sweep of 2026-12-03).
    ["区发改委党组巡察反馈问题整改落实台账", { body: "区发改委党组", kind: "巡察" }],
    ["XX大学党委巡视反馈问题整改台账", { body: "XX大学党委", kind: "巡视" }],
    ["区委巡察组巡察区发改委党组反馈问题整改台账", { body: "区发改委党组", inspection: "区委巡察组", kind: "巡察" }],
    ["自治区党委巡视反馈意见整改台账", { inspection: "自治区党委巡视", kind: "巡视" }],
  ])("%s", (text, expected) => expect(readSentence(text)).toEqual(expected));
});

describe("report.title", () => {
  it("carries the title's parts, each omitted when not found, and passes the contract", () => {
    const { report } = checkGrid(titled("区委第二巡察组反馈意见整改落实台账"), config());
    expect(report.title).toEqual({ inspection: "区委第二巡察组", kind: "巡察" });
    expect(Object.keys(report.title)).toEqual(["inspection", "kind"]);
    expect(ReportSchema.parse(report).title).toEqual(report.title);
  });
  it("is an empty object for a ledger without title rows, and the ledger model has it too", () => {
    const { report, ledger } = checkGrid(grid([H, TASK]), config());
    expect(report.title).toEqual({});
    expect(ledger.title).toEqual({});
  });
});
