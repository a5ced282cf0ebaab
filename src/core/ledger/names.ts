/**
 * The units (or leaders) one cell names, as the bulletin's tables and the notices count them:
 * `财务科、审计科`, `财务科/审计科`, one a line. A part that is only a bracketed note belongs to the
 * name before it (`基教科\n（幼教）` is one unit: a notice went to a department called （幼教）).
 */
const SEPARATORS = /[、，,；;/／\n]+/;
const NOTE_ONLY = /^[（(][^（()）]*[)）]$/;

export function namesInCell(cell: string): string[] {
  const out: string[] = [];
  for (const part of cell.split(SEPARATORS)) {
    const name = tidyName(part);
    if (name === "") continue;
    if (NOTE_ONLY.test(name) && out.length > 0) out[out.length - 1] += name;
    else out.push(name);
  }
  return out;
}

/**
 * A name's identity: the same unit typed with full- or half-width brackets, letters or spaces
 * (`（二）支部` and `(二)支部`, `ＩＴ中心` and `IT中心`, `办 公 室` spaced to align) is one.
 */
export function nameKey(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "");
}

/**
 * A name as it is printed: without the spaces typed between its characters to align a column
 * (`财务 科`, `办 公 室`): a notice went out addressed "财务 科：", and named its file so.
 */
export function tidyName(name: string): string {
  return name.trim().replace(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff（(])|(?<=[)）])\s+(?=[\u3400-\u9fff])/g, "");
}

/** Most distinct names compared pair by pair (a ledger names tens of units, not thousands). */
const MAX_COMPARED = 2_000;

/**
 * Names that may be one unit typed two ways: one ends with the other, a few characters longer
 * (`办公室` and `委办公室`, `财务科` and `计划财务科`, `人事科` and `组织人事科`). Only said, never
 * merged: `党委办公室` and `校长办公室` are two units, each of which a clerk may shorten to `办公室`.
 * Pairs in the order met, shorter name first.
 */
export function likelySameUnits(names: Iterable<string>): [string, string][] {
  const byKey = new Map<string, string>();
  for (const n of names) {
    const k = nameKey(n);
    if (k.length >= 3 && !byKey.has(k)) byKey.set(k, n);
  }
  if (byKey.size > MAX_COMPARED) return [];
  const keys = [...byKey.keys()];
  const out: [string, string][] = [];
  for (const a of keys)
    for (const b of keys)
      if (b.length > a.length && b.length - a.length <= 4 && b.endsWith(a)) out.push([byKey.get(a)!, byKey.get(b)!]);
  return out;
}
