import type { PairFirst } from "./headers.js";

/**
 * One cell of a column holding two fields (`责任领导/责任部门`), split into its two sides:
 * `张某/总务处`, `张某、王某/总务处、校医室`, `/德育处` (no lead), `李某/` (no department).
 * Clerks also write `张某／总务处` (full width), `张某\n总务处` (a line break instead of the
 * slash) and `张某（总务处）`. A cell with no separator names one side only: a unit
 * (`总务处`, `党委办公室`) is the department, anything else the first field.
 */
export function splitPair(text: string, first: PairFirst): { lead: string; department: string } {
  const sides = splitSides(text.trim());
  if (sides) {
    const [a, b] = sides;
    return first === "lead" ? { lead: a, department: b } : { lead: b, department: a };
  }
  const t = text.trim();
  if (t === "") return { lead: "", department: "" };
  return looksLikeUnit(t)
    ? { lead: "", department: t }
    : first === "lead"
      ? { lead: t, department: "" }
      : { lead: "", department: t };
}

/** The first slash-like separator wins: a department may itself hold one (`张某/党政办/人事处`). */
const SLASH = /[/／\\|｜]/;
const BRACKETED = /^([^（(]+)[（(]([^）)]+)[）)]$/;
const ROLE_NOTE = /^(?:牵头|主责|负责|配合|协办|协助|主办|lead|support)$/i;
/** Between two runs of Chinese: a line break, a tab or spaces (`张某  总务处`). */
const GAP = /^(\S+?)(?:\s*[\r\n]+\s*|\t+|[ \u3000]+)(\S[\s\S]*)$/;

function splitSides(t: string): [string, string] | null {
  const slash = SLASH.exec(t);
  if (slash) return [t.slice(0, slash.index).trim(), t.slice(slash.index + 1).trim()];
  // `张某（总务处）`, but not `总务处（牵头）`: a note on the unit's role is no second field.
  const bracketed = BRACKETED.exec(t);
  if (bracketed && !ROLE_NOTE.test(bracketed[2]!.trim())) return [bracketed[1]!.trim(), bracketed[2]!.trim()];
  // A gap splits only before a unit: `张某 王某` is two leaders, not a leader and a department.
  const gap = GAP.exec(t);
  if (gap && /[\u4e00-\u9fff]$/.test(gap[1]!) && looksLikeUnit(gap[2]!.trim())) return [gap[1]!, gap[2]!.trim()];
  return null;
}

/** What units are called at the end of their names; people's names and titles end otherwise. */
const UNIT =
  /(?:处|室|科|部|局|办|委|中心|院|系|所|队|站|馆|会|组|公司|集团|单位|街道|镇|乡|村|社区|党委|党组|支部|总支|工委|学校|中学|小学|幼儿园|大学|学院|医院|department|office|unit|center|centre|division|bureau)$/i;
/** Titles that end a leader's name: `李局长`, `王副书记`, `张主任`. */
const PERSON_TITLE =
  /(?:书记|校长|局长|院长|主任|部长|处长|科长|委员|主席|经理|组长|县长|区长|市长|镇长|乡长|所长|馆长|站长|队长|某)$/;

function looksLikeUnit(text: string): boolean {
  // `总务处（牵头）`: the unit's name is before its note.
  const t = text.replace(/[（(][^）)]*[）)]$/, "");
  return UNIT.test(t) && !PERSON_TITLE.test(t);
}
