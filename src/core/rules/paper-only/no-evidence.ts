import { defineRule, eachTask } from "../rule.js";

export const noEvidence = defineRule({
  id: "paper-only",
  reason: "no-evidence",
  severity: "warning",
  requires: ["status", "evidence"],
  words: {
    zh: {
      title: "已完成但无佐证材料",
      description: "标记为已完成，但没有佐证材料。销号须有佐证。",
      example: "进展“已完成”，佐证材料为空。",
      messages: {
        noEvidence: "疑似纸面整改：已标记完成但无佐证材料，请补充文件、台账、照片等佐证后再销号。",
      },
    },
    en: {
      title: "done without evidence",
      description: "Marked done, but no evidence is given. Closing a task needs evidence.",
      example: "Status Done, Evidence empty.",
      messages: {
        noEvidence:
          "Possibly paper-only: marked done with no evidence. Attach documents, records or photos before closing it.",
      },
    },
  },
  check: eachTask((task) => {
    if (task.status.kind !== "done" || (task.cells.evidence?.text ?? "") !== "") return undefined;
    return { task, field: "evidence", messageId: "noEvidence" };
  }),
});
