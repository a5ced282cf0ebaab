import { fill, type Catalogue, type Lang } from "../i18n.js";
import type { Config } from "../config.js";
import type { Ledger } from "../ledger/model.js";
import { resolveNames } from "./build.js";
import type { MissingName } from "./model.js";

/**
 * The names a bulletin needs that neither the ledger's title rows nor the options gave.
 * The bulletin never guesses them (巡视 and 巡察 are different inspections, DOMAIN.md):
 * it leaves them out, and the CLI and the pane ask the clerk.
 */
export function bulletinMissing(check: { ledger: Ledger; bulletin: Config["bulletin"] }): MissingName[] {
  const names = resolveNames(check.bulletin, check.ledger.title);
  const missing: MissingName[] = [];
  if (!names.kind) missing.push("kind");
  if (!names.body) missing.push("body");
  if (!names.inspection) missing.push("inspection");
  return missing;
}

interface HintWords {
  hint: string;
  sep: string;
  /** Before the last of several (`the inspected body or the inspection team`). */
  lastSep: string;
  names: Record<MissingName, string>;
}

const HINT = {
  zh: {
    hint: "提示：台账标题未写明{{what}}，通报中暂未写出；可用 {{options}} 指定。",
    sep: "、",
    lastSep: "、",
    names: { kind: "巡视还是巡察", body: "被巡视（巡察）单位", inspection: "巡视（巡察）组" },
  },
  en: {
    hint: "Note: the ledger's title does not name {{what}}, so the bulletin leaves {{n|it|them}} out; give {{n|it|them}} with {{options}}.",
    sep: ", ",
    lastSep: " or ",
    names: {
      kind: "the kind of inspection (巡视 or 巡察)",
      body: "the inspected body",
      inspection: "the inspection team",
    },
  },
} satisfies Catalogue<HintWords>;

const OPTION: Record<MissingName, string> = { kind: "--kind", body: "--body", inspection: "--inspection" };

/** One line naming what is missing and the options that give it. */
export function missingHint(missing: MissingName[], lang: Lang): string {
  const w: HintWords = HINT[lang];
  const names = missing.map((m) => w.names[m]);
  const what = names.length > 1 ? `${names.slice(0, -1).join(w.sep)}${w.lastSep}${names.at(-1)}` : (names[0] ?? "");
  return fill(w.hint, { what, n: missing.length, options: missing.map((m) => OPTION[m]).join(" ") });
}
