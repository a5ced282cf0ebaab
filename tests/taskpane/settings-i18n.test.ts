import { describe, expect, it } from "vitest";
import { STRINGS } from "../../src/taskpane/i18n.js";
import { configFromSettings, localIsoDate, parseSettings, withOverrides } from "../../src/taskpane/pane-settings.js";

describe("parseSettings", () => {
  it("keeps a valid stored value as it is", () => {
    const stored = {
      today: "2025-07-01",
      dueSoonDays: 15,
      paperOnly: { "vague-measures": false },
      bulletin: { issuer: "区委巡察整改办" },
      ledgers: { "a.xlsx": { sheet: "台账", headerRow: 3, columns: { evidence: "J" } } },
    };
    expect(parseSettings(stored)).toEqual(stored);
  });

  it("drops only the bad fields and keeps the rest", () => {
    expect(
      parseSettings({
        today: "July 1st",
        dueSoonDays: 15,
        paperOnly: { "no-evidence": "yes" },
        ledgers: { "": { headerRow: -2 } },
      }),
    ).toEqual({ dueSoonDays: 15 });
  });

  it("falls back to defaults for anything that is not settings", () => {
    for (const bad of [null, undefined, 42, "not json", "[1,2]", [], true]) expect(parseSettings(bad)).toEqual({});
    expect(parseSettings('{"dueSoonDays":7}')).toEqual({ dueSoonDays: 7 });
  });
});

describe("configFromSettings", () => {
  it("uses the host's date and defaults when the settings are empty", () => {
    expect(configFromSettings({}, { lang: "zh", today: "2025-07-01", workbook: "" })).toEqual({
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

  it("applies the stored date, switches, bulletin text and this workbook's overrides only", () => {
    const settings = {
      today: "2025-06-15",
      dueSoonDays: 20,
      paperOnly: { "duplicate-text": false },
      bulletin: { title: "关于整改进展情况的通报", body: "  " },
      ledgers: {
        "a.xlsx": { sheet: "台账", headerRow: 2, columns: { status: "H" as const } },
        "b.xlsx": { sheet: "X" },
      },
    };
    expect(configFromSettings(settings, { lang: "en", today: "2025-07-01", workbook: "a.xlsx" })).toEqual({
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
  it("stores non-empty overrides by workbook and removes a workbook's entry when all are cleared", () => {
    const one = withOverrides({ dueSoonDays: 5 }, "", { sheet: "台账", columns: { lead: "D", status: "" as never } });
    expect(one).toEqual({ dueSoonDays: 5, ledgers: { "": { sheet: "台账", columns: { lead: "D" } } } });
    expect(withOverrides(one, "", { sheet: undefined, columns: {} })).toEqual({ dueSoonDays: 5, ledgers: {} });
  });
});

describe("localIsoDate", () => {
  it("formats the local calendar date with zero padding", () => {
    expect(localIsoDate(new Date(2025, 0, 5, 23, 59))).toBe("2025-01-05");
  });
});

describe("i18n", () => {
  function shape(o: unknown): unknown {
    if (typeof o === "function") return `fn/${o.length}`;
    if (typeof o === "object" && o !== null)
      return Object.fromEntries(
        Object.entries(o)
          .map(([k, v]) => [k, shape(v)])
          .sort(([a], [b]) => String(a).localeCompare(String(b))),
      );
    return typeof o;
  }

  it("has the same keys and parameters in Chinese and English", () => {
    expect(shape(STRINGS.en)).toEqual(shape(STRINGS.zh));
  });

  it("has no empty string in either language", () => {
    const empties: string[] = [];
    const walk = (o: unknown, path: string) => {
      if (typeof o === "string" && o.trim() === "") empties.push(path);
      else if (typeof o === "object" && o !== null) for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
    };
    walk(STRINGS, "");
    expect(empties).toEqual([]);
  });

  it("uses the accessible names the e2e tests rely on", () => {
    const pick = (l: "zh" | "en") => {
      const t = STRINGS[l];
      return [
        t.validate,
        t.writeBulletin,
        t.clearMarks,
        t.findings,
        t.summary,
        t.openFile,
        t.download,
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
      "下载校验结果",
      "任务详情",
      ["任务总数", "已完成", "逾期", "临期", "疑似纸面整改", "填报不完整"],
    ]);
    expect(pick("en")).toEqual([
      "Validate",
      "Write bulletin",
      "Clear marks",
      "Findings",
      "Summary",
      "Open ledger file",
      "Download checked workbook",
      "Task details",
      ["Tasks", "Done", "Overdue", "Due soon", "Paper-only", "Incomplete"],
    ]);
    expect(STRINGS.zh.bulletinWritten("整改通报")).toBe("已生成“整改通报”工作表。");
  });
});
