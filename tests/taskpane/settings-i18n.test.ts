import { describe, expect, it } from "vitest";
import { fill } from "../../src/core/i18n.js";
import { WORDS } from "../../src/taskpane/i18n.js";
import {
  changedSettings,
  configFromSettings,
  localIsoDate,
  parseSettings,
  PaneSettingsSchema,
  restoredMessage,
  settingsKey,
  withOverrides,
} from "../../src/taskpane/pane-settings.js";
import { filterTitle, ruleTitle } from "../../src/taskpane/rule-words.js";
import { ConfigSchema } from "../../src/core/config.js";
import { ruleList } from "../../src/core/rules/index.js";

describe("parseSettings", () => {
  it("keeps a valid stored value as it is", () => {
    const stored = {
      today: "2025-07-01",
      dueSoonDays: 15,
      paperOnly: { "vague-measures": false },
      bulletin: { issuer: "区委巡察整改办" },
      sheet: "台账",
      headerRow: 3,
      columns: { evidence: "J" },
    };
    expect(parseSettings(stored)).toEqual(stored);
  });

  it("drops only the bad fields and keeps the rest", () => {
    expect(
      parseSettings({ today: "July 1st", dueSoonDays: 15, paperOnly: { "no-evidence": "yes" }, headerRow: -2 }),
    ).toEqual({ dueSoonDays: 15 });
  });

  it('reads the 0.1 layout, whose overrides sat under ledgers[""]', () => {
    expect(parseSettings({ dueSoonDays: 5, ledgers: { "": { sheet: "台账", columns: { lead: "D" } } } })).toEqual({
      dueSoonDays: 5,
      sheet: "台账",
      columns: { lead: "D" },
    });
  });

  it("falls back to defaults for anything that is not settings", () => {
    for (const bad of [null, undefined, 42, "not json", "[1,2]", [], true]) expect(parseSettings(bad)).toEqual({});
    expect(parseSettings('{"dueSoonDays":7}')).toEqual({ dueSoonDays: 7 });
  });

  it("takes its fields and their rules from the engine's ConfigSchema, not a copy", () => {
    expect(Object.keys(PaneSettingsSchema.shape).sort()).toEqual(
      ["bulletin", "columns", "dueSoonDays", "headerRow", "paperOnly", "sheet", "today"].sort(),
    );
    // The engine's own limit (0–365 days) is the pane's.
    expect(ConfigSchema.shape.dueSoonDays.safeParse(400).success).toBe(false);
    expect(parseSettings({ dueSoonDays: 400 })).toEqual({});
  });
});

describe("configFromSettings", () => {
  it("uses the host's date and defaults when the settings are empty", () => {
    expect(configFromSettings({}, { lang: "zh", today: "2025-07-01" })).toEqual({
      today: "2025-07-01",
      lang: "zh",
      dueSoonDays: 10,
      rules: {},
      paperOnly: {},
      columns: {},
      bulletin: {},
      notices: { watchDays: 20, replyDays: 7 },
    });
  });

  it("applies the stored date, switches, bulletin text and overrides", () => {
    const settings = {
      today: "2025-06-15",
      dueSoonDays: 20,
      paperOnly: { "duplicate-text": false },
      bulletin: { title: "关于整改进展情况的通报", body: "  " },
      sheet: "台账",
      headerRow: 2,
      columns: { status: "H" },
    };
    expect(configFromSettings(settings, { lang: "en", today: "2025-07-01" })).toEqual({
      today: "2025-06-15",
      lang: "en",
      dueSoonDays: 20,
      rules: {},
      paperOnly: { "duplicate-text": false },
      sheet: "台账",
      headerRow: 2,
      columns: { status: "H" },
      bulletin: { title: "关于整改进展情况的通报" },
      notices: { watchDays: 20, replyDays: 7 },
    });
  });
});

describe("withOverrides", () => {
  it("stores non-empty overrides and drops them when all are cleared", () => {
    const one = withOverrides({ dueSoonDays: 5 }, { sheet: "台账", columns: { lead: "D", status: "" } });
    expect(one).toEqual({ dueSoonDays: 5, sheet: "台账", columns: { lead: "D" } });
    expect(withOverrides(one, { sheet: undefined, columns: {} })).toEqual({ dueSoonDays: 5 });
  });
});

describe("settings of one file, shown before they are used", () => {
  it("keys the preview's settings by the file's name and size", () => {
    expect(settingsKey({ name: "台账.xlsx", size: 100 })).not.toBe(settingsKey({ name: "台账.xlsx", size: 101 }));
    expect(settingsKey({ name: "a.xlsx", size: 100 })).not.toBe(settingsKey({ name: "b.xlsx", size: 100 }));
    expect(settingsKey({ name: "a.xlsx", size: 100 })).toBe(settingsKey({ name: "a.xlsx", size: 100 }));
  });

  it("lists what differs from the defaults, in the clerk's words", () => {
    const s = {
      today: "2025-06-01",
      dueSoonDays: 10,
      paperOnly: { "no-evidence": false },
      bulletin: { title: "关于区教育工作党委落实区委第二巡察组反馈意见整改情况的通报", feedbackDate: "2025-03-11" },
    };
    expect(changedSettings(s, WORDS.zh, "zh")).toEqual([
      "校验日期 2025-06-01",
      "纸面整改检查·已完成但无佐证材料 ✕",
      "通报标题“关于区教育工作党委落实区委第二巡…”",
      "反馈意见日期“2025-03-11”",
    ]);
    // Stored, it is a setting the engine takes (a bad one is dropped, not fatal).
    expect(parseSettings({ bulletin: { feedbackDate: "2025-03-11" } }).bulletin).toEqual({
      feedbackDate: "2025-03-11",
    });
    expect(restoredMessage({ today: "2025-06-01" }, WORDS.zh, "zh")).toBe(
      "已恢复本文件上次的设置：校验日期 2025-06-01。可在“设置”中修改或恢复默认。",
    );
    expect(restoredMessage({ dueSoonDays: 10 }, WORDS.en, "en")).toBe(null);
  });
});

describe("localIsoDate", () => {
  it("formats the local calendar date with zero padding", () => {
    expect(localIsoDate(new Date(2025, 0, 5, 23, 59))).toBe("2025-01-05");
  });
});

describe("the pane's words", () => {
  function placeholders(o: unknown): unknown {
    if (typeof o === "string") return [...new Set([...o.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]))].sort();
    if (typeof o === "object" && o !== null)
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, placeholders(v)]));
    return typeof o;
  }

  it("has the same keys and the same placeholders in Chinese and English", () => {
    expect(placeholders(WORDS.en)).toEqual(placeholders(WORDS.zh));
  });

  it("has no empty string in either language", () => {
    const empties: string[] = [];
    const walk = (o: unknown, path: string) => {
      if (typeof o === "string" && o.trim() === "") empties.push(path);
      else if (typeof o === "object" && o !== null) for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
    };
    walk(WORDS, "");
    expect(empties).toEqual([]);
  });

  it("uses the accessible names the e2e tests rely on", () => {
    const pick = (l: "zh" | "en") => {
      const t = WORDS[l];
      return [
        t.validate,
        t.writeBulletin,
        t.clearMarks,
        t.findings,
        t.summary,
        t.openFile,
        t.taskDetails,
        Object.values(t.tiles),
      ];
    };
    expect(pick("zh")).toEqual([
      "一键校验",
      "生成通报",
      "清除标记",
      "校验结果",
      "汇总",
      "打开台账文件",
      "任务详情",
      ["任务总数", "已完成", "逾期", "临期", "纸面整改", "填报不完整"],
    ]);
    expect(pick("en")).toEqual([
      "Validate",
      "Write bulletin",
      "Clear marks",
      "Findings",
      "Summary",
      "Open ledger file",
      "Task details",
      ["Tasks", "Done", "Overdue", "Due soon", "Paper-only", "Incomplete"],
    ]);
    expect(fill(WORDS.zh.bulletinWritten, { name: "整改通报" })).toBe("已生成“整改通报”工作表。");
    expect(fill(WORDS.en.marked, { n: 1 })).toBe("Marked 1 cell.");
    expect([WORDS.zh.downloadMarked, WORDS.zh.downloadBulletinXlsx, WORDS.zh.downloadBulletinWord]).toEqual([
      "下载带标记副本",
      "下载通报（仅通报）",
      "下载通报（Word）",
    ]);
  });

  it("titles every finding by its rule, never its id", () => {
    expect(ruleTitle("overdue", undefined, "zh")).toBe("逾期未完成");
    expect(ruleTitle("paper-only", "documents-only", "zh")).toBe("疑似纸面整改·只有会议和文件");
    expect(filterTitle("incomplete", "zh")).toBe("填报不完整");
    expect(filterTitle("paper-only/no-evidence", "en")).toBe("Possibly paper-only: done without evidence");
    // From the rule catalogue, not words of the pane's own.
    expect(ruleTitle("due-soon", undefined, "zh")).toBe(ruleList("zh").find((r) => r.key === "due-soon")!.title);
  });
});
