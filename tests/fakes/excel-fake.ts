/**
 * The fake Excel object model for tests. It lives in src/hosts/excel/testing so that the
 * bench (compiled from src/) can use it too; tests import it from here.
 */
export * from "../../src/hosts/excel/testing/excel-fake.js";
export {
  benchExcelHost,
  benchLedgerRows,
  benchMarks,
  benchBulletin,
  BENCH_SHEET,
} from "../../src/hosts/excel/bench-support.js";
