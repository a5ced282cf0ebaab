import { textAt, type Grid } from "../grid.js";

/**
 * A cell's displayed text, which is what the clerk wrote (DOMAIN.md, "A cell's displayed
 * text"). Hosts hand over a formula cell's cached result, never its formula. Formula text can
 * still arrive as a plain string: a CSV keeps `=HYPERLINK("…","招投标管理不规范")` as typed and
 * Excel evaluates it on opening, showing `招投标管理不规范`. Such text stands for the value it
 * shows where that value is written out in the formula (string literals, `&`, CONCATENATE,
 * HYPERLINK's friendly name); any other formula text is kept as it is.
 */
export function displayText(grid: Grid, row: number, col: number): string {
  const t = textAt(grid, row, col).trim();
  if (t.charCodeAt(0) !== 0x3d /* = */) return t;
  return formulaShown(t) ?? t;
}

/** The value a formula shows when it is made only of literals: `="a"&"b"` → `ab`; else null. */
export function formulaShown(formula: string): string | null {
  if (!formula.startsWith("=")) return null;
  const p = new Parser(formula.slice(1));
  const v = p.expression();
  return v !== null && p.atEnd() ? v : null;
}

/** A recursive-descent reader of the literal subset of Excel's formula language. */
class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  atEnd(): boolean {
    this.space();
    return this.i === this.s.length;
  }

  /** term ('&' term)* */
  expression(): string | null {
    let out = this.term();
    if (out === null) return null;
    for (;;) {
      this.space();
      if (this.s[this.i] !== "&") return out;
      this.i++;
      const next = this.term();
      if (next === null) return null;
      out += next;
    }
  }

  private term(): string | null {
    this.space();
    const c = this.s[this.i];
    if (c === '"') return this.string();
    if (c === "(") {
      this.i++;
      const v = this.expression();
      this.space();
      if (v === null || this.s[this.i] !== ")") return null;
      this.i++;
      return v;
    }
    const num = /^[+-]?\d+(?:\.\d+)?/.exec(this.s.slice(this.i));
    if (num) {
      this.i += num[0].length;
      return String(Number(num[0]));
    }
    const fn = /^([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(this.s.slice(this.i));
    if (!fn) return null;
    this.i += fn[0].length;
    const args = this.args();
    if (args === null) return null;
    const name = fn[1]!.toUpperCase().replace(/^_XLFN\./, "");
    // HYPERLINK(link, [friendly name]): the cell shows the friendly name, else the link.
    if (name === "HYPERLINK") return args.length === 2 ? args[1]! : args.length === 1 ? args[0]! : null;
    if (name === "CONCATENATE" || name === "CONCAT") return args.join("");
    if (name === "T" && args.length === 1) return args[0]!;
    return null;
  }

  private args(): string[] | null {
    const out: string[] = [];
    this.space();
    if (this.s[this.i] === ")") {
      this.i++;
      return out;
    }
    for (;;) {
      const v = this.expression();
      if (v === null) return null;
      out.push(v);
      this.space();
      const c = this.s[this.i++];
      if (c === ")") return out;
      if (c !== ",") return null;
    }
  }

  /** A string literal, `""` standing for one quote. */
  private string(): string | null {
    let out = "";
    this.i++;
    while (this.i < this.s.length) {
      const c = this.s[this.i++]!;
      if (c !== '"') out += c;
      else if (this.s[this.i] === '"') {
        out += '"';
        this.i++;
      } else return out;
    }
    return null;
  }

  private space(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }
}
