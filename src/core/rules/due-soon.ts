import { daysBetween } from "../dates.js";
import { deadlineShown } from "../ledger/model.js";
import { defineRule, eachTask } from "./rule.js";

export const dueSoon = defineRule({
  id: "due-soon",
  severity: "info",
  requires: ["deadline"],
  words: {
    zh: {
      title: "临期未完成",
      description: "尚未完成，N天内到期（含第N天，默认10天，可设置）。",
      example: "时限“2025年7月5日”，进展“正在推进”，校验日期2025年7月1日：还剩4天。",
      messages: {
        dueToday: "今天到期（时限{{deadline}}），尚未完成：请确认能否按时完成。",
        dueSoon: "还剩{{days}}天到期（时限{{deadline}}），尚未完成：请提前督办。",
      },
    },
    en: {
      title: "Due soon",
      description: "Not done and due within N days, the Nth day included (10 by default, configurable).",
      example: "Due 2025-07-05, in progress, checked on 2025-07-01: 4 days left.",
      messages: {
        dueToday: "Due today ({{deadline}}) and not done: confirm it will be finished.",
        dueSoon: "Due in {{days}} {{days|day|days}} ({{deadline}}) and not done: follow up now.",
      },
    },
  },
  check: eachTask((task, { today, config }) => {
    const d = task.deadline;
    if (d.kind !== "date" || task.status.kind === "done" || d.date < today) return undefined;
    const days = daysBetween(today, d.date);
    if (days > config.dueSoonDays) return undefined;
    return {
      task,
      field: "deadline",
      days,
      messageId: days === 0 ? "dueToday" : "dueSoon",
      data: { days, deadline: deadlineShown(task) },
    };
  }),
});
