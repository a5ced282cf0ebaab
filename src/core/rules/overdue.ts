import { daysBetween } from "../dates.js";
import { fieldText } from "../ledger/model.js";
import type { Rule } from "./rule.js";

export const overdue: Rule = {
  id: "overdue",
  severity: "error",
  requires: ["deadline"],
  docs: {
    description: {
      zh: "整改时限（或期间的最后一天）已过，进展不是“已完成”。“基本完成”不算完成。",
      en: "The deadline (or the last day of its period) has passed and the task is not done. “Basically done” is not done.",
    },
    example: {
      zh: "时限“2025年6月30日”，进展“正在推进”，校验日期2025年7月1日：逾期1天。",
      en: "Due 2025-06-30, “in progress”, checked on 2025-07-01: 1 day overdue.",
    },
  },
  *check({ ledger, today }) {
    const { tasks } = ledger;
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[i]!;
      const d = task.deadline;
      if (d.kind !== "date" || task.status.kind === "done" || d.date >= today) continue;
      const days = daysBetween(d.date, today);
      const written = fieldText(task, "deadline");
      const dept = fieldText(task, "department");
      yield {
        task,
        field: "deadline",
        days,
        message: {
          zh: `已逾期${days}天（时限${written}），尚未完成：请督促${dept || "责任部门"}加快整改，或说明原因并报批调整时限。`,
          en: `${days} day${days === 1 ? "" : "s"} overdue (due ${written}) and not done: press ${dept || "the department"} to finish, or record why and get a new deadline approved.`,
        },
      };
    }
  },
};
