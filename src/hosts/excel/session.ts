/// <reference types="office-js" />
import { toLedgerError } from "./errors.js";

/**
 * One Excel.run with what every batch of the host needs: `delayForCellEdit` (a click while the
 * clerk is typing in a cell waits instead of failing: Excel.RunOptions, ExcelApi 1.11; ignored
 * before), Office errors turned into the clerk's messages, and request metering.
 *
 * Metering: a batch is sized by the request Office.js will really send, measured by Office.js's
 * own serializer (`RequestMeter`), never by a guess per cell. Excel on the web rejects requests
 * over 5 MB; every sync stays under `REQUEST_BUDGET` (4 MB less one block of work, since the
 * size is checked after each block).
 */

export type ExcelRun = <T>(
  options: Excel.RunOptions,
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

/** UTF-8 bytes of the request queued on the context so far, or null when it can't be measured. */
export type RequestMeter = (context: Excel.RequestContext) => number | null;

/** Excel on the web's limit is 5 MB a request or response; the host keeps every sync under 4 MB. */
export const PAYLOAD_LIMIT = 4_000_000;
/**
 * Pending request size at which a batch is sent. The size is looked at after each block of
 * work (≈250 cells, ≈110 kB of request at most), so a sync stays under PAYLOAD_LIMIT.
 */
export const REQUEST_BUDGET = 3_800_000;

/**
 * Office.js's serializer, asked in the running add-in: the pending request's body as
 * `context.sync()` will post it (OfficeExtension.ClientRequest#buildRequestMessageBodyAndRequestFlags,
 * side-effect free). Not a public API, so it is feature-detected; where it is missing the host
 * falls back to the per-sync caps the tests check against the same serializer.
 */
export const officeJsMeter: RequestMeter = (context) => {
  const pending = (
    context as unknown as { _pendingRequest?: { buildRequestMessageBodyAndRequestFlags?: () => { body: unknown } } }
  )._pendingRequest;
  if (typeof pending?.buildRequestMessageBodyAndRequestFlags !== "function") return null;
  return utf8Length(JSON.stringify(pending.buildRequestMessageBodyAndRequestFlags().body));
};

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a value as JSON: what a response carrying it weighs. */
export const jsonBytes = (v: unknown): number => utf8Length(JSON.stringify(v ?? null));

export type Operation = "list" | "read" | "mark" | "clear" | "bulletin" | "select" | "snapshot";
export interface OperationStats {
  syncs: number;
  /** Largest request of one sync as the meter measured it (0 where it could not measure). */
  maxRequestBytes: number;
  /** Largest response of one sync: UTF-8 bytes of the JSON of the values loaded. */
  maxResponseBytes: number;
}

export function emptyStats(): Record<Operation, OperationStats> {
  const z = (): OperationStats => ({ syncs: 0, maxRequestBytes: 0, maxResponseBytes: 0 });
  return { list: z(), read: z(), mark: z(), clear: z(), bulletin: z(), select: z(), snapshot: z() };
}

/**
 * The context of one operation: syncs counted, the pending request measured. `flushIfFull`
 * is the one place a batch decides to go: after each block of queued work.
 */
export class Session {
  /** Blocks of work queued since the last sync (for the fallback cap). */
  private units = 0;
  constructor(
    readonly context: Excel.RequestContext,
    private readonly stats: OperationStats,
    private readonly meter: RequestMeter,
  ) {}

  pendingBytes(): number | null {
    return this.meter(this.context);
  }

  async sync(response?: () => unknown): Promise<void> {
    const request = this.pendingBytes() ?? 0;
    this.units = 0;
    this.stats.syncs++;
    this.stats.maxRequestBytes = Math.max(this.stats.maxRequestBytes, request);
    await this.context.sync();
    if (response) this.stats.maxResponseBytes = Math.max(this.stats.maxResponseBytes, jsonBytes(response()));
  }

  /**
   * Call after queuing `units` of work: syncs when the measured request reached REQUEST_BUDGET,
   * or, where it can't be measured, when `cap` units are queued (caps are sized in the tests by
   * the same serializer so that `cap` of the largest unit stays under PAYLOAD_LIMIT).
   */
  async flushIfFull(units: number, cap: number): Promise<boolean> {
    this.units += units;
    const bytes = this.pendingBytes();
    const full = bytes === null ? this.units >= cap : bytes >= REQUEST_BUDGET;
    if (full) await this.sync();
    return full;
  }
}

export async function runSession<T>(
  run: ExcelRun,
  stats: OperationStats,
  meter: RequestMeter,
  batch: (s: Session) => Promise<T>,
): Promise<T> {
  try {
    return await run({ delayForCellEdit: true }, (context) => batch(new Session(context, stats, meter)));
  } catch (e) {
    throw toLedgerError(e);
  }
}
