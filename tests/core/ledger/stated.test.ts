import { describe, expect, it } from "vitest";
import { checkGrid } from "../../../src/core/check.js";
import { config, grid, HEADER, measureRow } from "../../helpers/grid.js";

/** Two problems over three measure rows, and a footer stating the counts. */
function withFooter(footer: string) {
  return grid(
    [
      HEADER,
      measureRow(1, "问题甲", "措施一"),
      measureRow(null, null, "措施二"),
      measureRow(2, "问题乙", "措施三"),
      ["填报人：张某某    审核人：李某某"],
      [footer],
    ],
    ["A2:A3", "B2:B3", "A5:H5", "A6:H6"],
  );
}
const notices = (footer: string, lang: "zh" | "en" = "zh") =>
  checkGrid(withFooter(footer), config({ lang })).report.notices;

describe("a footer's stated counts (DOMAIN.md: `本清单共17项问题、21条整改措施`)", () => {
  it("says nothing when the footer agrees with the ledger", () => {
    expect(notices("说明：本清单共2项问题、3条整改措施。")).toEqual([]);
    expect(notices("说明：本清单共二项问题、三条整改措施。")).toEqual([]);
  });
  it("notes each count the ledger does not hold, naming the footer's row", () => {
    expect(notices("说明：本清单共17项问题、21条整改措施。")).toEqual([
      { code: "stated-count:problems", message: expect.stringContaining("第6行写明共17项问题，台账中实有2项问题") },
      { code: "stated-count:tasks", message: expect.stringContaining("共21条整改措施，台账中实有3条") },
    ]);
    expect(notices("Note: 合计问题3个，整改措施3条", "en").map((n) => n.message)).toEqual([
      expect.stringContaining("Row 6 says 3 problems, but the ledger holds 2"),
    ]);
  });
  it("does not take a task's own text for a footer", () => {
    const g = grid([HEADER, measureRow(1, "共3个问题未整改", "整改措施共5条，正在推进")]);
    expect(checkGrid(g, config()).report.notices).toEqual([]);
  });
});
