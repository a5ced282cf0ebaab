import { fieldText } from "../../ledger/model.js";
import type { Rule } from "../rule.js";
import { isVague } from "./measures-text.js";

export const vagueMeasures: Rule = {
  id: "paper-only",
  reason: "vague-measures",
  severity: "warning",
  requires: ["measures"],
  docs: {
    description: {
      zh: "整改措施只有“进一步加强”“切实提高”“高度重视”等表态，没有数量、时间、文件名称或具体举措，无法检验。",
      en: "The measures are slogans (further strengthen, earnestly improve) with no number, date, named document or concrete action to check.",
    },
    example: {
      zh: "“进一步加强青年干部理论学习，切实增强学习实效”。",
      en: "“Further strengthen study and earnestly improve its effect.”",
    },
  },
  *check({ ledger }) {
    const { tasks } = ledger;
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[i]!;
      if (!isVague(fieldText(task, "measures"))) continue;
      yield {
        task,
        field: "measures",
        message: {
          zh: "疑似纸面整改：措施只有表态性语言，没有可检验的内容。请写明做什么、做多少、何时完成。",
          en: "Possibly paper-only: the measures are slogans with nothing checkable. Say what will be done, how much, and by when.",
        },
      };
    }
  },
};
