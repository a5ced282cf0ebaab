import { join } from "node:path";
import { must, mustCheck, mustRefuse, sha256, type HostileCase } from "../harness.js";
import { ledger } from "../make.js";

/**
 * Issue 15 item 7: a header row that is no header, and our own bulletin sheet, are refused
 * instead of being "checked" as an empty ledger (`任务0项`, exit 0).
 */

const TODAY = ["--today", "2025-07-01"];

const cases: HostileCase[] = [
  {
    id: "7.header-row-past-the-end",
    title: "--header-row 999999 (past the sheet's end) is refused: no ledger header in row 999999",
    async run(t) {
      const input = await ledger(t.dir);
      mustRefuse(await t.cli([input, ...TODAY, "--header-row", "999999"]), { mentions: ["999999"] });
    },
  },
  {
    id: "7.header-row-data-row",
    title: "--header-row naming a data row is refused: no ledger header in that row",
    async run(t) {
      // The builder's ledger: title, subtitle, header (row 3), then the tasks from row 4.
      const input = await ledger(t.dir);
      mustRefuse(await t.cli([input, ...TODAY, "--header-row", "5"]), { mentions: ["5"] });
    },
  },
  {
    id: "7.header-row-right",
    title: "--header-row naming the real header still checks",
    async run(t) {
      const input = await ledger(t.dir);
      const r = await t.cli([input, ...TODAY, "--header-row", "3"]);
      mustCheck(r);
      must(r.stdout.includes("任务2项"), `the ledger's two tasks were not read: ${r.stdout.slice(0, 300)}`);
    },
  },
  {
    id: "7.sheet-is-our-bulletin",
    title: "--sheet 整改通报 (the bulletin we generated) is refused, not checked as a ledger",
    async run(t) {
      const input = await ledger(t.dir);
      const copy = join(t.dir, "副本.xlsx");
      mustCheck(await t.cli([input, ...TODAY, "--out", copy]));
      const before = await sha256(copy);
      mustRefuse(await t.cli([copy, ...TODAY, "--sheet", "整改通报"]), { mentions: ["整改通报"] });
      must((await sha256(copy)) === before, "the copy's bytes changed");
    },
  },
];

export default cases;
