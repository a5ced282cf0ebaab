import { describe, expect, it } from "vitest";
import { buildBulletin } from "../../src/core/bulletin/build.js";
import { checkGrid } from "../../src/core/check.js";
import { compareWithSnapshot } from "../../src/core/progress/compare.js";
import { takeSnapshot } from "../../src/core/progress/snapshot.js";
import type { Lang } from "../../src/core/i18n.js";
import { config, ledger } from "../helpers/grid.js";

type T = Parameters<typeof ledger>[0][number];

/** The bulletin of a check on 2025-07-01 that compares with one on 2025-06-01. */
function bulletinSince(before: T[], after: T[], lang: Lang = "zh") {
  const first = checkGrid(ledger(before), config({ today: "2025-06-01" }));
  const snapshot = takeSnapshot(first.ledger, first.report.findings, "2025-06-01");
  const now = checkGrid(ledger(after), config({ today: "2025-07-01", lang }));
  now.report.progress = compareWithSnapshot(now.ledger, now.report.findings, snapshot);
  return buildBulletin(now.report, now.ledger, { lang, bulletin: {} });
}

const A: T = {
  problem: "会议费报销不规范",
  measures: "清理会议费凭证",
  department: "财务科",
  deadline: "2025年6月20日",
};
const B: T = { problem: "干部选拔程序不严", measures: "修订选拔任用规程", department: "组织科" };
const C: T = {
  problem: "食堂管理薄弱",
  measures: "核查23名从业人员健康证",
  department: "后勤处",
  deadline: "2025年6月30日",
};

describe("bulletin: progress since the last check", () => {
  it("follows the opening with the figures and names what was finished, fell overdue and was moved", () => {
    const b = bulletinSince(
      [A, B, C],
      [A, { ...B, status: "已完成", evidence: "任用规程" }, { ...C, deadline: "2025年9月30日" }],
    );
    const second = b.blocks[1]!;
    expect(second.kind).toBe("paragraph");
    expect(second.kind === "paragraph" && second.text).toBe(
      "与上次校验（2025年6月1日）相比，新增完成整改措施1条，新增逾期1条，调整整改时限1条。" +
        // Each by its measure: the problem may have others still open (the bulletin sweep of 2026-12-03).
        "新增完成的有：修订选拔任用规程（组织科）。" +
        "新增逾期的有：清理会议费凭证（财务科），请相关部门抓紧整改。" +
        "调整整改时限的有：核查23名从业人员健康证（由2025年6月30日调整为2025年9月30日）。",
    );
  });

  it("names a task marked done last time and not now: a rebound to check (the hostile sweep of 2026-12-03 saw 20 done fall to 7 unsaid)", () => {
    const done = { ...B, status: "已完成", evidence: "任用规程" };
    const b = bulletinSince([done, C], [{ ...B, status: "正在推进" }, C]);
    const second = b.blocks[1]!;
    expect(second.kind === "paragraph" && second.text).toBe(
      "与上次校验（2025年6月1日）相比，此前已完成、本次未标注完成1条，新增逾期1条。" +
        "此前已标注完成、本次不再标注完成的有：修订选拔任用规程（组织科），请核实问题是否反弹。" +
        "新增逾期的有：核查23名从业人员健康证（后勤处），请相关部门抓紧整改。",
    );
    const en = bulletinSince([done], [{ ...B, status: "" }], "en").blocks[1]!;
    expect(en.kind === "paragraph" && en.text).toMatch(
      /^Since the last check \(1 June 2025\), 1 marked done before is no longer\. No longer marked done: 修订选拔任用规程 \(组织科\); check whether the problem has come back\.$/,
    );
  });

  it("counts tasks added and removed", () => {
    const b = bulletinSince([A, B], [B, C]);
    const second = b.blocks[1]!;
    expect(second.kind === "paragraph" && second.text).toContain("，台账新增措施1条，减少措施1条。");
  });

  it("says once that nothing moved, rather than a row of noughts", () => {
    const b = bulletinSince([B], [B]);
    const second = b.blocks[1]!;
    expect(second.kind === "paragraph" && second.text).toBe(
      "与上次校验（2025年6月1日）相比，整改措施的完成和逾期情况没有变化。",
    );
    expect(second.kind === "paragraph" && second.text).not.toMatch(/0条/);
  });

  it("says it in English with --lang en", () => {
    const b = bulletinSince([A, B], [A, { ...B, status: "已完成", evidence: "x" }], "en");
    const second = b.blocks[1]!;
    expect(second.kind === "paragraph" && second.text).toMatch(
      /^Since the last check \(1 June 2025\), 1 measure was finished, 1 fell overdue\. Newly finished: /,
    );
  });

  it("adds nothing when there was no earlier check", () => {
    const now = checkGrid(ledger([A, B]), config({ today: "2025-07-01" }));
    const b = buildBulletin(now.report, now.ledger, { lang: "zh", bulletin: {} });
    expect(b.blocks[1]!.kind).not.toBe("paragraph");
  });
});
