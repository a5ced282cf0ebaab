import { fieldText } from "../../ledger/model.js";
import { defineRule, eachTask } from "../rule.js";
import { isVague } from "./measures-text.js";

export const vagueMeasures = defineRule({
  id: "paper-only",
  reason: "vague-measures",
  severity: "warning",
  requires: ["measures"],
  words: {
    zh: {
      title: "措施空泛无法检验",
      description: "整改措施只有“进一步加强”“切实提高”“高度重视”等表态，没有数量、时间、文件名称或具体举措，无法检验。",
      example: "“进一步加强青年干部理论学习，切实增强学习实效”。",
      messages: {
        vague: "疑似纸面整改：措施只有表态性语言，没有可检验的内容。请写明做什么、做多少、何时完成。",
      },
    },
    en: {
      title: "slogans with nothing to check",
      description:
        "The measures are slogans (further strengthen, earnestly improve) with no number, date, named document or concrete action to check.",
      example: "“Further strengthen study and earnestly improve its effect.”",
      messages: {
        vague:
          "Possibly paper-only: the measures are slogans with nothing checkable. Say what will be done, how much, and by when.",
      },
    },
  },
  check: eachTask((task) => {
    if (!isVague(fieldText(task, "measures"))) return undefined;
    return { task, field: "measures", messageId: "vague" };
  }),
});
