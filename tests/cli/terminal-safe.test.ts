import { describe, expect, it } from "vitest";
import { messageLang, parseCommandLine } from "../../src/cli/options.js";
import { terminalSafe } from "../../src/cli/terminal-safe.js";
import { LedgerError } from "../../src/core/errors.js";

describe("terminalSafe", () => {
  it("shows C0 controls and DEL as Control Pictures, so ESC sequences cannot run", () => {
    expect(terminalSafe("a\x1b[2Jb\x07c\x00d\x7fe")).toBe("a\u241b[2Jb\u2407c\u2400d\u2421e");
  });

  it("shows C1 controls and bidi overrides (CVE-2021-42574) by code point", () => {
    expect(terminalSafe("x\u009b31my\u202ez\u2066w")).toBe("x<U+009B>31my<U+202E>z<U+2066>w");
  });

  it("keeps a cell's newline on its table line unless newlines are kept", () => {
    expect(terminalSafe("一\n二")).toBe("一\u240a二");
    expect(terminalSafe("一\n二", true)).toBe("一\n二");
  });

  it("leaves ordinary Chinese, English and punctuation as they are", () => {
    const text = "整改时限“2025年6月底”无法识别 (Deadline “end of June”)　全角空格";
    expect(terminalSafe(text)).toBe(text);
  });
});

/** The refusal a command line gets, or null when it parses. */
function refusal(argv: string[]): LedgerError | null {
  try {
    parseCommandLine(argv, () => {});
    return null;
  } catch (e) {
    if (e instanceof LedgerError) return e;
    throw e;
  }
}

describe("the command line's options", () => {
  it("refuses out-of-range and non-numeric values with the range, from the catalogue", () => {
    for (const [argv, option] of [
      [["a.xlsx", "--due-soon-days", "366"], "--due-soon-days"],
      [["a.xlsx", "--due-soon-days", "1.5"], "--due-soon-days"],
      [["a.xlsx", "--header-row", "0"], "--header-row"],
      [["a.xlsx", "--header-row", "1048577"], "--header-row"],
      [["a.xlsx", "--watch-days", "x"], "--watch-days"],
    ] as const) {
      const e = refusal([...argv]);
      expect(e?.code, argv.join(" ")).toBe("out-of-range");
      expect(e?.text.zh).toContain(option);
    }
  });

  it("accepts the ends of each range", () => {
    expect(refusal(["a.xlsx", "--due-soon-days", "0", "--header-row", "1048576", "--watch-days", "365"])).toBeNull();
  });

  it("names each kind of bad command line by its own code", () => {
    expect(refusal([])?.code).toBe("no-file");
    expect(refusal(["a.xlsx", "b.xlsx"])?.code).toBe("two-files");
    expect(refusal(["a.xlsx", "--nope"])?.code).toBe("unknown-option");
    expect(refusal(["a.xlsx", "--today"])?.code).toBe("missing-value");
    expect(refusal(["a.xlsx", "--today", "2025-02-30"])?.code).toBe("bad-date");
    expect(refusal(["a.xlsx", "--lang", "fr"])?.code).toBe("bad-lang");
    expect(refusal(["a.xlsx", "--out", ""])?.code).toBe("empty-value");
  });

  it("reads the language of refusals before parsing, in every spelling of --lang", () => {
    expect(messageLang(["a.xlsx"])).toBe("zh");
    expect(messageLang(["a.xlsx", "--lang", "en"])).toBe("en");
    expect(messageLang(["a.xlsx", "--lang=en"])).toBe("en");
    expect(messageLang(["a.xlsx", "-len"])).toBe("en");
    expect(messageLang(["a.xlsx", "-l", "fr"])).toBe("zh");
  });
});
