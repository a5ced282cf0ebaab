import { describe, expect, it } from "vitest";
import { libraryHas, measure } from "../../support/office-serializer.js";

/**
 * The host's per-sync caps (marks.ts CELLS_PER_SYNC, used where the request can't be measured
 * in the running add-in) checked against Microsoft's own serializer: the request Office.js
 * builds for the host's calls, in UTF-8 bytes. No real Excel: the body is what would be posted.
 */

const CELLS_PER_SYNC = 3_000;
const addr = (i: number) => `E${10_000 + i}`;

describe("requests as Office.js serializes them", () => {
  it("the npm library has no notes API (issue #9 row 4)", () => {
    expect(libraryHas("Worksheet", "getRange")).toBe(true);
    expect(libraryHas("Worksheet", "notes")).toBe(false);
  });

  it("a fill probe per cell stays under 4 MB at the host's cap", async () => {
    const n = 1_000;
    const bytes = await measure((ctx) => {
      const ws = ctx.workbook.worksheets.getItem("整改台账");
      for (let i = 0; i < n; i++) ws.getRange(addr(i)).format.fill.load("color,pattern,patternColor,tintAndShade");
    });
    const perCell = bytes / n;
    // ≈600 B a cell, as the issue measured: an estimate of 40 B was 15 times too low.
    expect(perCell).toBeGreaterThan(400);
    // A note lookup adds ≈290 B (issue #9, measured on the CDN library, which has notes).
    expect((perCell + 300) * CELLS_PER_SYNC).toBeLessThan(4_000_000);
  });

  it("fills written through getRanges cost little per cell", async () => {
    const cells = Array.from({ length: 400 }, (_, i) => addr(i)).join(",");
    const bytes = await measure((ctx) => {
      const ws = ctx.workbook.worksheets.getItem("整改台账");
      ws.getRanges(cells).format.fill.color = "#FFC7CE";
    });
    expect(bytes / 400).toBeLessThan(20);
  });
});
