/**
 * How inspectors read a measures text for 纸面整改 (paper-only rectification): which
 * clauses are only meetings, study and documents, which change something on the ground,
 * and which are slogans with nothing to check.
 */

/** Meetings, study sessions and documents: 以文件落实文件. */
export const DOCUMENT_ACTION =
  /召开|会议|研究部署|专题研究|研究|学习|传达|部署|印发|制定|修订|出台|起草|下发|转发|通知|方案|制度|办法|意见|规定|细则|计划|纪要|动员|座谈|讲话|宣讲|党课|培训|meeting|study|circular|policy|plan|draft|issue[ds]? (?:a|the)|document/i;

/** Actions that change something a visitor could see or count. */
export const CONCRETE_ACTION =
  /检查|排查|督查|核查|抽查|清理|清退|整治|查处|追责|问责|处分|处理|招聘|录用|配备|上线|运行|纳入|考核|脱钩|退还|追回|收回|拆除|改造|建成|竣工|公示|公开|实行|覆盖|压减|减少|削减|调整|撤销|关停|到位|验收|审计|兑现|发放|补齐|新增|台账|销号|inspect|audit|recruit|hire|launch|remove|refund|dismiss|publish|install|close/i;

/** Slogans: 进一步加强, 切实提高, 高度重视. */
const SLOGAN =
  /进一步|切实|高度重视|不断|提高认识|认真|着力|全面加强|持续加强|大力|努力|积极|深入|扎实|狠抓|further|strengthen|enhance|improve awareness|attach great importance/i;

/** A count, a percentage or a date: something checkable. */
export const NUMBER = /\d|[一二两三四五六七八九十百千万]+(?:名|个|次|项|家|所|人|场|期|份|批|轮)|百分之/;

/** Named documents in 《》: their titles may hold any word, so they are read apart. */
const NAMED_DOCUMENT = /《[^》]*》/g;

export function clauses(text: string): string[] {
  return text
    .replace(NAMED_DOCUMENT, "《》")
    .split(/[，,；;。.\n\r]+|(?:\d+|[一二三四五六七八九十]+)[、.．]|[（(]\d+[）)]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Every clause is a meeting, a study session or a document, and none does anything checkable. */
export function isDocumentsOnly(measures: string): boolean {
  // Without a document action anywhere, or with a concrete action anywhere, no clause can pass:
  // neither pattern can match across the separators clauses() splits at. Most texts are
  // settled here, without splitting.
  const plain = measures.includes("《") ? measures.replace(NAMED_DOCUMENT, "《》") : measures;
  if (!DOCUMENT_ACTION.test(plain) || CONCRETE_ACTION.test(plain)) return false;
  const parts = clauses(measures);
  if (parts.length === 0) return false;
  return parts.every((p) => DOCUMENT_ACTION.test(p) && !CONCRETE_ACTION.test(p) && !NUMBER.test(p));
}

/** Slogans with nothing checkable: no number or date, no named document, no concrete action. */
export function isVague(measures: string): boolean {
  if (!SLOGAN.test(measures)) return false;
  if (/《[^》]*》/.test(measures)) return false;
  const plain = measures.replace(NAMED_DOCUMENT, "");
  return !NUMBER.test(plain) && !CONCRETE_ACTION.test(plain);
}

/**
 * Measures text reduced for comparison: no spaces, punctuation or numbering; full-width letters
 * and digits as ASCII; lower case. Ignored are spaces, ASCII and CJK punctuation, general
 * punctuation (“”—…), Latin-1 and full-width symbols. duplicate-text applies it to every task,
 * so it is one pass over the text that copies runs of kept characters, not a chain of
 * regular-expression replacements (which was the rule's largest cost on 50,000 rows).
 */
export function normalizeMeasures(text: string): string {
  let out = "";
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) continue; // CJK ideographs: kept, the common case
    const ignored = isIgnored(c);
    const wide = !ignored && isFullWidthAlnum(c);
    if (!ignored && !wide) continue;
    if (i > run) out += text.slice(run, i);
    if (wide) out += String.fromCharCode(c - 0xfee0);
    run = i + 1;
  }
  out = run === 0 ? text : out + text.slice(run);
  return out.replace(LEADING_NUMBER, "").toLowerCase();
}

const LEADING_NUMBER = /^(?:\d+|[一二三四五六七八九十]+)(?=\D)/;

function isIgnored(c: number): boolean {
  if (c < 0x80) {
    // Tab to carriage return, space, and every ASCII symbol; letters, digits and other
    // controls stay.
    return (
      (c >= 0x09 && c <= 0x0d) ||
      (c >= 0x20 && c <= 0x2f) ||
      (c >= 0x3a && c <= 0x40) ||
      (c >= 0x5b && c <= 0x60) ||
      (c >= 0x7b && c <= 0x7e)
    );
  }
  return (
    (c >= 0x00a0 && c <= 0x00bf) ||
    c === 0x00d7 ||
    c === 0x00f7 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x206f) ||
    (c >= 0x2100 && c <= 0x2bff) ||
    (c >= 0x3000 && c <= 0x3004) ||
    (c >= 0x3008 && c <= 0x3020) ||
    c === 0x3030 ||
    (c >= 0x303d && c <= 0x303f) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    c === 0xfeff ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    (c >= 0xffe0 && c <= 0xffee)
  );
}

function isFullWidthAlnum(c: number): boolean {
  return (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

/**
 * A 30-bit hash (FNV-1a, cut to stay a small integer) of `normalizeMeasures(text)`, or -1 when
 * that is shorter than `minLength`; mostly without building the string: duplicate-text groups
 * 50,000 texts by it and builds the strings only for the few that share a hash. Texts with
 * letters whose lower case is not plain ASCII take the slow path.
 */
export function measuresFingerprint(text: string, minLength: number): number {
  // One pass collects the kept characters (full-width folded, ASCII lower-cased) into a
  // scratch buffer; CJK ideographs, most of any text, are tested first and inline.
  const n = text.length;
  if (kept.length < n) kept = new Uint16Array(Math.max(n, kept.length * 2));
  let k = 0;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) {
      c = keptCode(c);
      if (c === IGNORED_CODE) continue;
      if (c === COMPLEX_CODE) return slowFingerprint(text, minLength);
    }
    kept[k++] = c;
  }
  // normalizeMeasures strips leading numbering before lower-casing: digits before a non-digit;
  // Chinese numerals before anything but a digit, else all but the last (the regex backtracks).
  let strip = 0;
  if (k > 0) {
    const digits = isDigit(kept[0]!);
    const numerals = !digits && isNumeral(kept[0]!);
    if (digits || numerals) {
      let run = 1;
      while (run < k && (digits ? isDigit(kept[run]!) : isNumeral(kept[run]!))) run++;
      if (digits) strip = run < k ? run : 0;
      else strip = run < k && !isDigit(kept[run]!) ? run : run - 1;
    }
  }
  if (k - strip < minLength) return -1;
  let hash = FNV_OFFSET;
  for (let i = strip; i < k; i++) {
    const c = kept[i]!;
    hash = Math.imul(hash ^ (c >= 0x41 && c <= 0x5a ? c + 0x20 : c), FNV_PRIME);
  }
  return hash & HASH_MASK;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const HASH_MASK = 0x3fffffff;

let kept = new Uint16Array(256);

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isNumeral(c: number): boolean {
  return CN_NUMERALS.includes(c);
}

function slowFingerprint(text: string, minLength: number): number {
  const s = normalizeMeasures(text);
  if (s.length < minLength) return -1;
  let hash = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) hash = Math.imul(hash ^ s.charCodeAt(i), FNV_PRIME);
  return hash & HASH_MASK;
}

const IGNORED_CODE = -1;
const COMPLEX_CODE = -2;
const CN_NUMERALS = [..."一二三四五六七八九十"].map((ch) => ch.charCodeAt(0));

/** A code unit as normalizeMeasures keeps it (full-width folded), or why it has none. */
function keptCode(c: number): number {
  if (c >= 0x4e00 && c <= 0x9fff) return c;
  if (isIgnored(c)) return IGNORED_CODE;
  if (isFullWidthAlnum(c)) return c - 0xfee0;
  // ASCII, and the kana, CJK symbols and ideographs up to U+9FFF: none has a case.
  return c < 0x80 || (c >= 0x3000 && c <= 0x9fff) ? c : COMPLEX_CODE;
}
