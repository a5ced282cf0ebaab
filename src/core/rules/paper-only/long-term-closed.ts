import { deadlineShown } from "../../ledger/model.js";
import { defineRule, eachTask } from "../rule.js";

export const longTermClosed = defineRule({
  id: "paper-only",
  reason: "long-term-closed",
  severity: "warning",
  requires: ["status", "deadline"],
  words: {
    zh: {
      title: "长期任务标为已完成",
      description: "时限为“长期坚持/持续推进”，却标记为已完成。",
      example: "时限“长期坚持”，进展“已完成”。",
      messages: {
        longTermClosed:
          "疑似纸面整改：时限为“{{deadline}}”的长期任务已标记完成。请改为“持续推进”并写明阶段性成效，或说明已建立的长效机制。",
      },
    },
    en: {
      title: "ongoing task marked done",
      description: "The deadline says ongoing, yet the task is marked done.",
      example: "Deadline “ongoing”, status Done.",
      messages: {
        longTermClosed:
          "Possibly paper-only: an ongoing task (“{{deadline}}”) is marked done. Mark it in progress with results so far, or name the lasting mechanism.",
      },
    },
  },
  check: eachTask((task) => {
    if (task.deadline.kind !== "ongoing" || task.status.kind !== "done") return undefined;
    return { task, field: "status", messageId: "longTermClosed", data: { deadline: deadlineShown(task) } };
  }),
});
