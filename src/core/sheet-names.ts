import { STATE_SHEET } from "./marks-state.js";

/**
 * The naming rule of generated sheets, shared by every host: a sheet we generated under that name is
 * replaced; a sheet of the user's never is — then `name (2)`, `name (3)` … Excel allows 31
 * characters and no `[]:*?/\`.
 */
export function chooseSheetName(wanted: string, existing: string[], generated: string[]): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, "_").trim() || "Sheet";
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const ours = new Set(generated.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : ` (${i})`;
    // Cut by code points: half a surrogate pair is not a name Excel accepts.
    const candidate = [...base].slice(0, 31 - suffix.length).join("") + suffix;
    const lower = candidate.toLowerCase();
    if (lower === STATE_SHEET) continue;
    if (!taken.has(lower) || ours.has(lower)) return candidate;
  }
}
