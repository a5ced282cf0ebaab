/**
 * How inspectors read a measures text for 纸面整改 (paper-only rectification): which
 * clauses are only meetings, study and documents, which change something on the ground,
 * and which are slogans with nothing to check.
 */

/**
 * Meetings, study sessions and documents: 以文件落实文件. Study includes what it leaves on paper
 * (撰写心得体会, 读书笔记, 交流发言) and what is watched (观看警示教育片): none changes the ground.
 */
export const DOCUMENT_ACTION =
  /召开|会议|研究部署|专题研究|研究|研讨|学习|传达|部署|印发|制定|修订|出台|起草|撰写|下发|转发|通报|通知|方案|制度|办法|意见|规定|细则|计划|纪要|动员|座谈|讲话|宣讲|党课|培训|警示教育|观看|心得体会|学习体会|读书笔记|学习笔记|交流发言|研讨发言|表态发言|主题党日|知识测试|知识竞赛|责任书|承诺书|谈心谈话|批评与自我批评|meeting|study|circular|policy|plan|draft|issue[ds]? (?:a|the)|document/i;

/** Actions that change something a visitor could see or count. */
export const CONCRETE_ACTION =
  /检查|排查|督查|核查|抽查|清理|清退|整治|查处|追责|问责|处分|处理|通报批评|招聘|录用|配备|上线|运行|纳入|考核|脱钩|退还|追回|收回|拆除|改造|建成|竣工|公示|公开|实行|覆盖|压减|减少|削减|调整|撤销|关停|到位|验收|审计|兑现|发放|补齐|新增|台账|销号|回头看|更换|修缮|翻新|维修|修复|安装|加装|增设|配发|购置|施划|铺设|备足|张贴|改作|搬迁|inspect|audit|recruit|hire|launch|remove|refund|dismiss|publish|install|close|replace|repair|renovate/i;

/** Slogans: 进一步加强, 切实提高, 高度重视; 建立健全长效机制 with nothing said of what it is. */
const SLOGAN =
  /进一步|切实|高度重视|不断|提高认识|认真|着力|全面加强|持续加强|大力|努力|积极|深入|扎实|狠抓|压实|从严从实|政治站位|增强[\u4e00-\u9fa5]{0,4}(?:自觉|意识)|坚决杜绝|杜绝类似|确保[\u4e00-\u9fa5]{0,6}不再发生|见底见效|强化责任|责任担当|严格落实主体责任|长效机制|建章立制|加大[\u4e00-\u9fa5]{0,4}力度|持续深化|取得实效|加强(?:组织)?领导|落实责任|确保整改到位|抓好落实|further|strengthen|enhance|improve awareness|attach great importance/i;

/**
 * A count, a percentage or a date: something checkable. Not the numbered slogans of political
 * language (`四个意识`, `两个维护`, `四个自信`): nobody counts those.
 */
export const NUMBER =
  /\d|[一二两三四五六七八九十百千万]+(?:名|个(?!意识|自信|维护|确立|务必|全面|代表|伟大|必须|坚持|一以贯之)|次|项|家|所|人|场|期|份|批|轮)|百分之/;

/** Named documents in 《》: their titles may hold any word, so they are read apart. */
const NAMED_DOCUMENT = /《[^》]*》/g;

// What a meeting, a document, a study session or a deliberation is about is its name, not an
// action (DOMAIN.md: `召开专项整治推进会`, `印发《整治工作方案》` are not 整治 on the ground). Each
// is reduced to its verb and its noun before the clauses are read. None crosses a clause break.
const WITHIN = String.raw`[^，,；;。！!？?\n\r]`;
const MEETING_NAME = new RegExp(`(?:主持召开|组织召开|召开|举办|举行)${WITHIN}{0,30}?(会议|大会|会)`, "g");
const DOCUMENT_NAME = new RegExp(
  `(印发|制定|修订|出台|起草|下发|转发|制发|研究制定|修订完善|完善)${WITHIN}{0,30}?(工作方案|实施方案|方案|办法|制度|细则|规定|意见|通知|计划|规则|要点|指引)`,
  "g",
);
const STUDY_OBJECT = new RegExp(
  `(传达学习|学习传达|学习|传达|宣讲|解读)${WITHIN}{0,30}?(精神|要求|讲话|论述|文件|通知)`,
  "g",
);
const DELIBERATION = new RegExp(`(研究部署|安排部署|专题研究|研究|部署)${WITHIN}{0,20}?(工作|事项|事宜|任务)`, "g");

/** The text with names of documents, meetings, study and deliberation reduced to their kind. */
export function withoutNames(text: string): string {
  let s = text.includes("《") ? text.replace(NAMED_DOCUMENT, "《》") : text;
  if (MEETING_VERB.test(s)) s = s.replace(MEETING_NAME, "召开$1");
  if (DOCUMENT_ACTION.test(s))
    s = s.replace(DOCUMENT_NAME, "$1$2").replace(STUDY_OBJECT, "$1$2").replace(DELIBERATION, "$1$2");
  return s;
}

const MEETING_VERB = /召开|举办|举行/;

export function clauses(text: string): string[] {
  return withoutNames(text)
    .split(/[，,；;。.\n\r]+|(?:\d+|[一二三四五六七八九十]+)[、.．]|[（(]\d+[）)]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * How often a meeting, a study session or a circular took place (`3次`, `两期`, `10场`, `5轮`):
 * counting them changes nothing on the ground, so it is no checkable number there.
 */
const OCCURRENCES = /(?:\d+|[一二两三四五六七八九十百]+)\s*(?:人次|批次|次|期|场|轮)/g;

/** Every clause is a meeting, a study session or a document, and none does anything checkable. */
export function isDocumentsOnly(measures: string): boolean {
  // Without a document action anywhere, or with a concrete action anywhere, no clause can pass:
  // neither pattern can match across the separators clauses() splits at. Most texts are
  // settled here, without splitting.
  if (!DOCUMENT_ACTION.test(measures)) return false;
  const plain = withoutNames(measures);
  if (CONCRETE_ACTION.test(plain)) return false;
  const parts = clauses(measures);
  if (parts.length === 0) return false;
  return parts.every(
    (p) => DOCUMENT_ACTION.test(p) && !CONCRETE_ACTION.test(p) && !NUMBER.test(p.replace(OCCURRENCES, "")),
  );
}

/**
 * What nobody can count, inspect or be handed (DOMAIN.md: 管理, 水平, 监督, 意识, 工作, 建设):
 * as the head of an object it makes the object abstract, whatever stands before it
 * (`招聘管理`, `台账管理工作`, `查处力度`).
 */
const ABSTRACT =
  "管理|水平|监督|意识|工作|建设|能力|作用|力度|机制|体系|制度|观念|认识|质量|效能|效率|成效|实效|规范化|制度化|标准化|常态化|责任|纪律|作风|治理|服务|保障|执行|监管|程序|流程|环节|指导|引领|宣传|氛围|理念|担当|站位|效果|成果|要求|举措|措施|力量|水准|思想|觉悟|素质";

/** Things that can be delivered or inspected: a 台账, a list, a report, a platform, a certificate. */
const DELIVERABLE =
  "台账|清单|名单|报告|档案|记录|平台|系统|专栏|网站|小程序|公众号|热线|信箱|意见箱|公示栏|合同|协议|凭证|票据|照片|视频|图纸|证书|健康证|许可证|设备|设施|摄像头|标识|标牌|账户|专户";

/** A named person (`张某`, `王某某`, `李明同志`), or a quoted name of a system (`“阳光招生”平台`). */
const NAMED = String.raw`[\u4e00-\u9fa5]某{1,2}|[\u4e00-\u9fa5]{2,3}同志|[“"「][^”"」]{1,20}[”"」](?:平台|系统|APP|小程序|公众号|专栏|热线|信箱|网站|窗口|专项行动|行动)`;

/** A concrete word, unless an abstract head follows it within a few characters at the clause's end. */
const CONCRETE_WORD = new RegExp(
  String.raw`(?:${CONCRETE_ACTION.source.replace("|到位", "")}|${DELIVERABLE}|${NAMED})(?![\u4e00-\u9fa5]{0,4}?(?:${ABSTRACT})(?![\u4e00-\u9fa5]))`,
  "i",
);

/** Dates written in words: `年底前`, `6月底`, `下半年`, `第三季度`. */
const DATE_WORD = /年底|年末|月底|月末|年内|上半年|下半年|季度|上旬|中旬|下旬/;

/**
 * Slogans with nothing checkable. Concrete is what can be counted, inspected or delivered: a
 * number or a date, a named document (《…》), a named person or system, a deliverable (台账,
 * 名单, 报告), or a concrete action (检查, 清退, 公示) whose object is not abstract. So
 * `进一步加强招聘管理，切实提高规范化水平，不断强化监督` is vague (招聘 only qualifies 管理),
 * `进一步加强管理，对23名从业人员健康证逐一核查` is not.
 */
export function isVague(measures: string): boolean {
  if (!SLOGAN.test(measures)) return false;
  if (/《[^》]*》/.test(measures)) return false;
  const plain = measures.replace(NAMED_DOCUMENT, "");
  if (NUMBER.test(plain) || DATE_WORD.test(plain)) return false;
  return !CONCRETE_WORD.test(withoutNames(plain));
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
