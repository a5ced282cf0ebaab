import { orphanPart } from "../../src/core/orphan-notes.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkGrid } from "../../src/core/check.js";
import {
  marksByCell,
  marksFromFindings,
  mergeNote,
  NOTE_PREFIXES,
  ourNote,
  ourPartBreak,
  removeOurNote,
  startsAsOurs,
} from "../../src/core/marks.js";
import { config, grid, HEADER } from "../helpers/grid.js";

/** Two measures (rows 2 and 3) under one problem whose department cell E2:E3 is merged and empty. */
const merged = grid(
  [
    HEADER,
    [1, "问题一", "开展专项检查3次", "张某", null, "2025年6月30日", "正在推进", ""],
    [null, null, "建立问题台账并逐项销号", "张某", null, "2025年12月31日", "正在推进", ""],
  ],
  ["A2:A3", "B2:B3", "E2:E3"],
);

describe("marksByCell", () => {
  it("takes a cell's marks together, the most severe colour and each line once, leaving the marks given as they were", () => {
    const given = [
      { row: 2, col: 5, severity: "info", note: "还剩5天到期" },
      { row: 2, col: 5, severity: "error", note: "未填写责任部门\n还剩5天到期" },
      { row: 3, col: 5, severity: "warning", note: "疑似纸面整改" },
    ] as const;
    const frozen = given.map((m) => Object.freeze({ ...m }));
    const byCell = marksByCell(frozen);
    expect([...byCell.keys()]).toEqual(["E2", "E3"]);
    expect(byCell.get("E2")).toEqual({ row: 2, col: 5, severity: "error", note: "还剩5天到期\n未填写责任部门" });
    expect(byCell.get("E3")).toBe(frozen[2]);
    expect(frozen.map((m) => ({ ...m }))).toEqual(given.map((m) => ({ ...m })));
  });
});

describe("findings → marks", () => {
  it("marks a merged cell once, from the findings' numbers, with each message once", () => {
    const check = checkGrid(merged, config());
    const onE2 = check.report.findings.filter((f) => f.cell === "E2");
    expect(onE2.map((f) => f.taskRow)).toEqual([2, 3]);
    const marks = marksFromFindings(check.findings);
    const e2 = marks.filter((m) => m.row === 2 && m.col === 5);
    expect(e2).toHaveLength(1);
    expect(e2[0]!.note.split("\n")).toEqual([onE2[0]!.message]);
    // The overdue deadline of row 2 is an error: F2 is marked as one.
    expect(marks.find((m) => m.row === 2 && m.col === 6)?.severity).toBe("error");
  });

  it("groups the findings by the task they belong to, tasks in ledger order", () => {
    const check = checkGrid(merged, config());
    expect(check.byTask.map((t) => t.task.row)).toEqual([2, 3]);
    expect(check.byTask[1]!.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(["E2 missing-department"]);
    expect(check.byTask[0]!.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual([
      "E2 missing-department",
      "F2 overdue",
    ]);
    // Same findings, same order, as the report: byTask only groups them.
    expect(check.byTask.flatMap((t) => t.findings).length).toBe(check.report.findings.length);
  });
});

describe("notes, one way for every host", () => {
  const ours = ourNote({ note: "已逾期1天\n未填写责任部门" });

  it("starts our note with our name in the clerk's language, never an id (issue #14)", () => {
    expect(ours).toBe("【整改台账校验】已逾期1天\n未填写责任部门");
    expect(ourNote({ note: "Overdue by 1 day", lang: "en" })).toBe("[Ledger Check] Overdue by 1 day");
    expect(Object.values(NOTE_PREFIXES).some((p) => /ledger-check/.test(p))).toBe(false);
  });

  it("finds where our part of a note begins: any language, and the ledger-check: of earlier versions", () => {
    for (const part of [ours, "[Ledger Check] Overdue", "ledger-check: 已逾期1天"]) {
      expect(startsAsOurs(part)).toBe(true);
      expect(ourPartBreak(`请核实\n${part}`)).toBe("请核实".length);
      expect(ourPartBreak(part)).toBe(-1);
    }
    expect(startsAsOurs("请核实【整改台账校验】")).toBe(false);
    // The last of several: the clerk may have pasted an old note of ours above the new one.
    expect(ourPartBreak(`ledger-check: 旧\n${ours}`)).toBe("ledger-check: 旧".length);
  });

  it("keeps the clerk's note on top and puts ours below it", () => {
    expect(mergeNote("请核实", ours)).toBe(`请核实\n${ours}`);
    expect(mergeNote(null, ours)).toBe(ours);
    expect(mergeNote("", ours)).toBe(ours);
  });

  it("takes exactly ours back out, whatever the clerk's note was", () => {
    fc.assert(
      fc.property(fc.option(fc.string()), (user) => {
        expect(removeOurNote(mergeNote(user, ours), ours)).toBe(user ? user : null);
      }),
    );
  });

  it("leaves a note alone that no longer ends with ours: the clerk changed it", () => {
    expect(removeOurNote(`${ours}（已处理）`, ours)).toBe(`${ours}（已处理）`);
    expect(removeOurNote("请核实", ours)).toBe("请核实");
    expect(removeOurNote(null, ours)).toBeNull();
  });
});

describe("orphanPart: our part of a note no record knows", () => {
  const overdue =
    "【整改台账校验】已逾期1天（时限2025-06-30），尚未完成：请督促基教科加快整改，或说明原因并报批调整时限。";
  const missing = "未填写责任部门：请明确牵头单位（配合单位不能代替）。";

  it("is found by our name and every line being a rule's message, the clerk's words above it kept", () => {
    expect(orphanPart(overdue)).toEqual({ part: overdue, kept: "" });
    expect(orphanPart(`张三：已电话督办\n${overdue}\n${missing}`)).toEqual({
      part: `${overdue}\n${missing}`,
      kept: "张三：已电话督办",
    });
    expect(orphanPart("[Ledger Check] No status: fill in Done, In progress or Not started.")?.kept).toBe("");
  });

  it("is never a note whose lines are not all ours: the clerk wrote below it, or an older wording", () => {
    expect(orphanPart(`${overdue}\n用户补充：已核实`)).toBeNull();
    expect(orphanPart("【整改台账校验】这是用户自己写的一句话")).toBeNull();
    expect(orphanPart("张三：已电话督办")).toBeNull();
    expect(orphanPart("")).toBeNull();
  });
});
