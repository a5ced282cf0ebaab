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
