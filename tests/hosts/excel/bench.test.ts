import { describe, expect, it } from "vitest";
import { benchExcelHost } from "../../../bench/excel-host.js";

describe("benchExcelHost", () => {
  it("reports syncs and payloads for read, mark and bulletin", async () => {
    const figures = await benchExcelHost(2_000);
    // 2,000 rows fit in the first read, which carries the used range's address too; the merged
    // areas come with the second.
    expect(figures.read.syncs).toBe(2);
    expect(figures.mark.syncs).toBeLessThanOrEqual(3);
    expect(figures.bulletin.syncs).toBeLessThanOrEqual(3);
    for (const f of Object.values(figures)) {
      expect(f.maxRequestBytes).toBeGreaterThan(0);
      expect(f.maxResponseBytes).toBeLessThan(4_000_000);
    }
    expect(figures.read.maxResponseBytes).toBeGreaterThan(200_000);
  });
});
