import { describe, expect, it } from "vitest";
import { likelySameUnits, nameKey, namesInCell, tidyName } from "../../../src/core/ledger/names.js";

describe("namesInCell and nameKey: the units a cell names, and when two spellings are one", () => {
  it("splits on the separators clerks use, a bracketed note staying with its name", () => {
    expect(namesInCell("财务科、审计科")).toEqual(["财务科", "审计科"]);
    expect(namesInCell("财务科/审计科；办公室")).toEqual(["财务科", "审计科", "办公室"]);
    expect(namesInCell("办公室\n人事处")).toEqual(["办公室", "人事处"]);
    // The notices sweep of 2026-12-03: （幼教） was sent a notice of its own.
    expect(namesInCell("基教科\n（幼教）")).toEqual(["基教科（幼教）"]);
    expect(namesInCell(" ")).toEqual([]);
  });

  it("takes full- and half-width forms and spaces typed to align for one name", () => {
    expect(nameKey("办 公 室")).toBe(nameKey("办公室"));
    expect(nameKey("（二）支部")).toBe(nameKey("(二)支部"));
    expect(nameKey("ＩＴ中心")).toBe(nameKey("IT中心"));
    expect(nameKey("办公室")).not.toBe(nameKey("人事处"));
  });

  it("prints a name without the spaces typed between its characters (the bulletin sweep of 2026-12-03: 财务 科：)", () => {
    expect(namesInCell("财务 科、办 公 室")).toEqual(["财务科", "办公室"]);
    expect(tidyName("基教科 （幼教）")).toBe("基教科（幼教）");
    // Between Latin words, and between Latin and Chinese, a space may be the name's own.
    expect(tidyName("Finance Office")).toBe("Finance Office");
    expect(tidyName("IT 中心")).toBe("IT 中心");
  });
});

describe("likelySameUnits: names that may be one unit typed two ways", () => {
  it("pairs a name with a longer one ending with it, and says nothing of names apart", () => {
    // The bulletin sweep of 2026-12-03: one ledger's 办公室/委办公室 and 财务科/计划财务科 were counted apart.
    expect(likelySameUnits(["办公室", "委办公室", "财务科", "计划财务科", "医政科", "人事处"])).toEqual([
      ["办公室", "委办公室"],
      ["财务科", "计划财务科"],
    ]);
    expect(likelySameUnits(["党委办公室", "校长办公室", "科", "组织科"])).toEqual([]);
    // Spelled alike but for spaces or width: one name, no pair.
    expect(likelySameUnits(["财务科", "财务 科"])).toEqual([]);
  });
});
