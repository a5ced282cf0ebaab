import { fieldText } from "../../ledger/model.js";
import { defineRule, eachTask } from "../rule.js";
import { isDocumentsOnly } from "./measures-text.js";

export const documentsOnly = defineRule({
  id: "paper-only",
  reason: "documents-only",
  severity: "warning",
  requires: ["status", "measures"],
  words: {
    zh: {
      title: "只有会议和文件",
      description: "标记为已完成，但整改措施只有开会、学习、发文件（以文件落实文件），没有一项改变实际情况的举措。",
      example: "“召开党组会议专题研究，印发《关于加强……的通知》”，进展“已完成”。",
      messages: {
        documentsOnly:
          "疑似纸面整改：措施只有开会、学习、发文件，却已标记完成。请补充落实情况（检查、处理、上线、考核等实际举措及成效）。",
      },
    },
    en: {
      title: "only meetings and documents",
      description:
        "Marked done, but every measure is a meeting, a study session or a document; nothing changed on the ground.",
      example: "“Hold a Party group meeting; issue a circular”, status Done.",
      messages: {
        documentsOnly:
          "Possibly paper-only: the measures are only meetings, study and documents, yet marked done. Record what was actually changed.",
      },
    },
  },
  check: eachTask((task) => {
    if (task.status.kind !== "done" || !isDocumentsOnly(fieldText(task, "measures"))) return undefined;
    return { task, field: "measures", messageId: "documentsOnly" };
  }),
});
