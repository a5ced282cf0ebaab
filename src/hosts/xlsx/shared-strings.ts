import { WorkbookOpenError } from "./errors.js";
import { decodeCellText } from "./xml.js";

/**
 * sharedStrings.xml → one string per `<si>`, rich text flattened (the runs' `<t>` joined) and
 * phonetic guides (`<rPh>`, the furigana/pinyin Excel keeps for East Asian text) left out, as
 * Excel shows them. A hand-written scan: a 50,000-row ledger holds ~100,000 strings.
 */
export function readSharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const s = dropPrefix(xml);
  // Cut off (a damaged entry): the strings after the cut would read as missing, every cell of
  // them a false "not filled in".
  if (!/(?:<\/sst\s*>|\/>)\s*$/.test(s.slice(-64)))
    throw new WorkbookOpenError("corrupt", new Error("sharedStrings ends before </sst>"));
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const at = s.indexOf("<si", i);
    if (at < 0) break;
    const next = s.charCodeAt(at + 3);
    // `<si>`, `<si …>` or `<si/>`; not `<sis…`.
    if (next !== 62 && next !== 32 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
      i = at + 3;
      continue;
    }
    const gt = s.indexOf(">", at);
    if (gt < 0) break;
    if (s.charCodeAt(gt - 1) === 47) {
      out.push("");
      i = gt + 1;
      continue;
    }
    const end = s.indexOf("</si>", gt);
    const stop = end < 0 ? s.length : end;
    out.push(runText(s, gt + 1, stop));
    i = stop + 5;
  }
  return out;
}

/** The text of the `<t>` elements between from and to, outside `<rPh>` (used for inline strings too). */
export function runText(s: string, from: number, to: number): string {
  // The common case, one plain <t>: no concatenation.
  let text = "";
  let i = from;
  while (i < to) {
    const lt = s.indexOf("<", i);
    if (lt < 0 || lt >= to) break;
    const c1 = s.charCodeAt(lt + 1);
    if (c1 === 116 /* t */) {
      const c2 = s.charCodeAt(lt + 2);
      if (c2 === 62 /* > */ || c2 === 32 || c2 === 47 || c2 === 9 || c2 === 10 || c2 === 13) {
        const gt = s.indexOf(">", lt);
        if (s.charCodeAt(gt - 1) === 47) {
          i = gt + 1; // <t/>
          continue;
        }
        const close = s.indexOf("</t>", gt);
        const stop = close < 0 || close > to ? to : close;
        text += s.slice(gt + 1, stop);
        i = stop + 4;
        continue;
      }
    } else if (c1 === 114 /* r */ && s.startsWith("rPh", lt + 1)) {
      const close = s.indexOf("</rPh>", lt);
      i = close < 0 ? to : close + 6;
      continue;
    }
    i = lt + 1;
  }
  return decodeCellText(text);
}

/**
 * Element prefixes (`<x:si>`, as some .NET writers emit) removed, so the scanners look for one
 * spelling. Only when the root element has a prefix; a pass over the text, paid by those files alone.
 */
export function dropPrefix(xml: string): string {
  const m = /<([A-Za-z_][\w.-]*):(?:sst|worksheet|styleSheet|workbook)\b/.exec(xml.slice(0, 2000));
  if (!m) return xml;
  const p = m[1]!;
  return xml.replaceAll(`<${p}:`, "<").replaceAll(`</${p}:`, "</");
}
