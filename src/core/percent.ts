/**
 * A share as a percentage with one decimal, worked out from the counts (4 of 13 is 30.8%, where
 * the rounded rate 0.3077 would give 30.7%); none and all as a clerk writes them, 0 and 100, and
 * only they: 1,999 of 2,000 is 99.9, never 100.0. The bulletin, the terminal and the pane all say
 * the same figure. Without the `%`.
 */
export function percentValue(part: number, whole: number): string {
  if (whole <= 0 || part <= 0) return "0";
  if (part >= whole) return "100";
  const tenths = Math.min(999, Math.max(1, Math.round((part * 1000) / whole)));
  return (tenths / 10).toFixed(1);
}
