import { describe, expect, it } from "vitest";
import { canCollect, collect } from "../../src/cli/collect.js";

describe("collect", () => {
  it("reaches V8's collector without --expose-gc on the command line (nodejs/node#16595's new context)", () => {
    expect(canCollect()).toBe(true);
    // Not exposed to the CLI's own global: only the context made for the purpose has it.
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });

  it("frees what nothing reaches any more", async () => {
    let held: object | undefined = { rows: new Array(1000).fill("整改") };
    const ref = new WeakRef(held);
    // A WeakRef's target lives to the end of the job that made or read it (ECMA-262 KeepDuringJob).
    await new Promise((r) => setTimeout(r, 0));
    held = undefined;
    collect();
    expect(ref.deref()).toBeUndefined();
  });
});
