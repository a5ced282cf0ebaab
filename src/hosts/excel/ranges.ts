/// <reference types="office-js" />
import { joinAddresses } from "./address.js";
import type { ExcelCapabilities } from "./capabilities.js";

/** Address strings passed to `getRanges` stay short: Excel rejects very long ones. */
const MAX_ADDRESS_CHARS = 2_000;

/**
 * Ranges covering the addresses: `getRanges` over capped address lists (ExcelApi 1.9), or one
 * `getRange` per address before that. Either way they are only queued, not synced.
 */
export function rangesFor(
  ws: Excel.Worksheet,
  caps: ExcelCapabilities,
  addrs: string[],
): (Excel.Range | Excel.RangeAreas)[] {
  if (addrs.length === 0) return [];
  if (!caps.getRanges) return addrs.map((a) => ws.getRange(a));
  return joinAddresses(addrs, MAX_ADDRESS_CHARS).map((list) => ws.getRanges(list));
}
