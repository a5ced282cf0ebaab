import { daysBetween } from "../dates.js";
import { fieldText } from "../ledger/model.js";
import type { Rule } from "./rule.js";

export const dueSoon: Rule = {
  id: "due-soon",
  severity: "info",
  requires: ["deadline"],
  docs: {
    description: {
      zh: "尚未完成，距整改时限不足N天（默认10天，可设置）。",
      en: "Not done and due within N days (10 by default, configurable).",
    },
    example: {
      zh: "时限“2025年7月5日”，进展“正在推进”，校验日期2025年7月1日：还剩4天。",
      en: "Due 2025-07-05, in progress, checked on 2025-07-01: 4 days left.",
    },
  },
  *check({ ledger, today, config }) {
    const { tasks } = ledger;
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[i]!;
      const d = task.deadline;
      if (d.kind !== "date" || task.status.kind === "done" || d.date < today) continue;
      const days = daysBetween(today, d.date);
      if (days > config.dueSoonDays) continue;
      const written = fieldText(task, "deadline");
      yield {
        task,
        field: "deadline",
        days,
        message:
          days === 0
            ? {
                zh: `今天到期（时限${written}），尚未完成：请确认能否按时完成。`,
                en: `Due today (${written}) and not done: confirm it will be finished.`,
              }
            : {
                zh: `还剩${days}天到期（时限${written}），尚未完成：请提前督办。`,
                en: `Due in ${days} day${days === 1 ? "" : "s"} (${written}) and not done: follow up now.`,
              },
      };
    }
  },
};
