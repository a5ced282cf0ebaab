import { daysBetween } from "../dates.js";
import { deadlineShown, fieldText } from "../ledger/model.js";
import { defineRule, eachTask } from "./rule.js";

export const overdue = defineRule({
  id: "overdue",
  severity: "error",
  requires: ["deadline"],
  words: {
    zh: {
      title: "逾期未完成",
      description: "整改时限（或期间的最后一天）已过，进展不是“已完成”。“基本完成”不算完成。",
      example: "时限“2025年6月30日”，进展“正在推进”，校验日期2025年7月1日：逾期1天。",
      messages: {
        overdue:
          "已逾期{{days}}天（时限{{deadline}}），尚未完成：请督促{{department}}加快整改，或说明原因并报批调整时限。",
        overdueNoDepartment:
          "已逾期{{days}}天（时限{{deadline}}），尚未完成：请督促责任部门加快整改，或说明原因并报批调整时限。",
      },
    },
    en: {
      title: "Overdue",
      description:
        "The deadline (or the last day of its period) has passed and the task is not done. “Basically done” is not done.",
      example: "Due 2025-06-30, “in progress”, checked on 2025-07-01: 1 day overdue.",
      messages: {
        overdue:
          "{{days}} {{days|day|days}} overdue (due {{deadline}}) and not done: press {{department}} to finish, or record why and get a new deadline approved.",
        overdueNoDepartment:
          "{{days}} {{days|day|days}} overdue (due {{deadline}}) and not done: press the department to finish, or record why and get a new deadline approved.",
      },
    },
  },
  check: eachTask((task, { today }) => {
    const d = task.deadline;
    if (d.kind !== "date" || task.status.kind === "done" || d.date >= today) return undefined;
    const days = daysBetween(d.date, today);
    const department = fieldText(task, "department");
    return {
      task,
      field: "deadline",
      days,
      messageId: department ? "overdue" : "overdueNoDepartment",
      data: { days, deadline: deadlineShown(task), department },
    };
  }),
});
