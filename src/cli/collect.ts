import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * A full garbage collection, called between the stages of writing a copy. Each stage (marks,
 * bulletin, 督办清单) leaves tens of MB of garbage in the old generation (its XML pieces, its
 * layout), and on this workload V8 makes no full collection of its own after the check: the peak
 * was what stayed live plus everything promoted since. Collecting after the marks and after the
 * generated sheets, where the big intermediates have just died, took a 50,000-row copy's peak RSS
 * from 377 to 270 MB, and checked after every deadline from 444 to 310 MB, for 0.4 s of wall time and
 * 0.8 s of CPU in 6 s (5 interleaved rounds; a third collection, after the bulletin, saved 7 MB
 * more for another 0.1 s: README, Performance).
 *
 * Node exposes `gc` only to contexts made after `--expose-gc` is set; a new context is the way
 * Node's maintainers give (nodejs/node#16595). Where that does nothing, collect does nothing.
 */
function exposedGc(): (() => void) | undefined {
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    return typeof gc === "function" ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

let gc: (() => void) | null | undefined = null;

/** Whether collect reaches V8's collector (false: it is a no-op on this runtime). */
export function canCollect(): boolean {
  if (gc === null) gc = exposedGc();
  return gc !== undefined;
}

export function collect(): void {
  if (canCollect()) gc!();
}
