import { describe, expect, it } from "vitest";
import { FakeExcel } from "../../support/excel-fake.js";
import { measure } from "../../support/office-serializer.js";

describe("the fake Excel enforces Office.js semantics", () => {
  function seeded(): FakeExcel {
    const excel = new FakeExcel();
    excel.seed("台账", "A1", [
      ["序号", "问题"],
      [1, "问题一"],
    ]);
    return excel;
  }

  it("throws PropertyNotLoaded when a property is read without load", async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("台账").getRange("A1:B2");
      await ctx.sync();
      expect(() => r.values).toThrow(/PropertyNotLoaded/);
    });
  });

  it("throws when a property was loaded but no sync happened yet", async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("台账").getRange("A1:B2");
      r.load("values");
      expect(() => r.values).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(r.values).toEqual([
        ["序号", "问题"],
        [1, "问题一"],
      ]);
      // A reload queued after the last sync makes the value unreadable until the next sync.
      r.load("values");
      expect(() => r.values).toThrow(/queued after the last sync/);
    });
  });

  it("applies writes at the next sync, in order", async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("台账").getRange("B2");
      r.values = [["改过"]];
      expect(excel.cell("台账", "B2")?.value).toBe("问题一");
      r.load("values");
      await ctx.sync();
      expect(excel.cell("台账", "B2")?.value).toBe("改过");
      expect(r.values).toEqual([["改过"]]);
    });
  });

  it("tells isNullObject only after a sync and refuses to use null objects", async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject("没有");
      expect(() => ws.isNullObject).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
      ws.activate();
      await expect(ctx.sync()).rejects.toThrow(/null object/);
    });
  });

  it("fails the sync for a missing sheet", async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("没有");
      await expect(ctx.sync()).rejects.toThrow(/ItemNotFound/);
    });
  });

  it("counts syncs and measures payloads as UTF-8 bytes of the JSON (Chinese is 3 bytes a character)", async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("台账").getRange("A1:B2");
      r.load("values");
      await ctx.sync();
    });
    expect(excel.syncCount).toBe(1);
    expect(excel.syncLog[0]!.responseBytes).toBe(
      Buffer.byteLength(
        JSON.stringify([
          [
            ["序号", "问题"],
            [1, "问题一"],
          ],
        ]),
      ),
    );
  });

  it("refuses a response over the payload limit", async () => {
    const excel = seeded();
    excel.seed("台账", "A3", [["长".repeat(600), 2]]);
    excel.payloadLimit = 1_000; // the request (≈700 B as Office.js builds it) passes, the 1.8 kB answer doesn't
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("台账").getRange("A1:B3").load("values");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    });
  });

  it("measures each request as Office.js's serializer builds it, and refuses one over 5 MB", async () => {
    const excel = seeded();
    const text = "整改".repeat(500); // 3 kB of UTF-8 a cell
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("台账");
      ws.getRange("A10:A11").values = [[text], [text]];
      await ctx.sync();
      const exact = await measure((c) => {
        c.workbook.worksheets.getItem("台账").getRange("A10:A11").values = [[text], [text]];
      });
      // The same calls, the same body (object ids count on in a long-lived library, a few digits more).
      expect(Math.abs(excel.syncLog[0]!.requestBytes - exact)).toBeLessThan(exact * 0.05);
      // Excel on the web refuses a request over 5 MB (Excel add-in resource limits).
      ws.getRange("A1:A2000").values = Array.from({ length: 2000 }, () => [text]);
      await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    });
  });

  it("takes a string starting with = as a formula unless the cell is formatted as text", async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("台账");
      ws.getRange("C1").values = [["=SUM(A1)"]];
      const d = ws.getRange("D1");
      d.numberFormat = [["@"]];
      d.values = [["=SUM(A1)"]];
      await ctx.sync();
    });
    expect(excel.cell("台账", "C1")?.formula).toBe("=SUM(A1)");
    expect(excel.cell("台账", "D1")).toMatchObject({ value: "=SUM(A1)", numberFormat: "@" });
    expect(excel.cell("台账", "D1")?.formula).toBeUndefined();
  });

  it("refuses APIs above its requirement set", async () => {
    const excel = new FakeExcel({ api: "1.12" });
    excel.seed("台账", "A1", [[1]]);
    expect(excel.isSetSupported("ExcelApi", "1.12")).toBe(true);
    expect(excel.isSetSupported("ExcelApi", "1.13")).toBe(false);
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("台账").getRange("A1");
      expect(() => r.getMergedAreasOrNullObject()).toThrow(/ApiNotFound/);
    });
  });
});
