import type { Rule } from "../rule.js";

export const noEvidence: Rule = {
  id: "paper-only",
  reason: "no-evidence",
  severity: "warning",
  requires: ["status", "evidence"],
  docs: {
    description: {
      zh: "标记为已完成，但没有佐证材料。销号须有佐证。",
      en: "Marked done, but no evidence is given. Closing a task needs evidence.",
    },
    example: { zh: "进展“已完成”，佐证材料为空。", en: "Status Done, Evidence empty." },
  },
  *check({ ledger }) {
    const { tasks } = ledger;
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[i]!;
      if (task.status.kind !== "done" || (task.cells.evidence?.text ?? "") !== "") continue;
      yield {
        task,
        field: "evidence",
        message: {
          zh: "疑似纸面整改：已标记完成但无佐证材料，请补充文件、台账、照片等佐证后再销号。",
          en: "Possibly paper-only: marked done with no evidence. Attach documents, records or photos before closing it.",
        },
      };
    }
  },
};
