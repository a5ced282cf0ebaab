import { describe, expect, it } from "vitest";
import { loadSettings, saveSettings, SETTINGS_KEY, type SettingsStore } from "../../../src/hosts/excel/settings.js";

function store(fail = false) {
  const data = new Map<string, unknown>();
  let saves = 0;
  const s: SettingsStore & { saves: () => number; data: Map<string, unknown> } = {
    get: (k) => (data.has(k) ? data.get(k) : null),
    set: (k, v) => void data.set(k, v),
    saveAsync: (cb) => {
      saves++;
      cb?.(fail ? { status: "failed", error: { message: "read-only document" } } : { status: "succeeded" });
    },
    saves: () => saves,
    data,
  };
  return s;
}

describe("document settings", () => {
  it("round-trips settings through the document and saves them", async () => {
    const s = store();
    expect(loadSettings(s)).toBeUndefined();
    await saveSettings({ lang: "zh", dueSoonDays: 10, rules: { overdue: false } }, s);
    expect(s.saves()).toBe(1);
    expect(s.data.get(SETTINGS_KEY)).toEqual({ lang: "zh", dueSoonDays: 10, rules: { overdue: false } });
    expect(loadSettings(s)).toEqual({ lang: "zh", dueSoonDays: 10, rules: { overdue: false } });
  });

  it("rejects when Office can't save", async () => {
    await expect(saveSettings({ lang: "en" }, store(true))).rejects.toThrow("read-only document");
  });
});
