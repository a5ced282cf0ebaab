import { fieldText } from "../../ledger/model.js";
import type { Rule } from "../rule.js";

export const longTermClosed: Rule = {
  id: "paper-only",
  reason: "long-term-closed",
  severity: "warning",
  requires: ["status", "deadline"],
  docs: {
    description: {
      zh: "时限为“长期坚持/持续推进”，却标记为已完成。",
      en: "The deadline says ongoing, yet the task is marked done.",
    },
    example: { zh: "时限“长期坚持”，进展“已完成”。", en: "Deadline “ongoing”, status Done." },
  },
  *check({ ledger }) {
    const { tasks } = ledger;
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[i]!;
      if (task.deadline.kind !== "ongoing" || task.status.kind !== "done") continue;
      const written = fieldText(task, "deadline");
      yield {
        task,
        field: "status",
        message: {
          zh: `疑似纸面整改：时限为“${written}”的长期任务已标记完成。请改为“持续推进”并写明阶段性成效，或说明已建立的长效机制。`,
          en: `Possibly paper-only: an ongoing task (“${written}”) is marked done. Mark it in progress with results so far, or name the lasting mechanism.`,
        },
      };
    }
  },
};
