import type { Field } from "../fields.js";
import type { Bilingual } from "../i18n.js";
import type { RuleId } from "../report.js";
import type { Rule } from "./rule.js";

/** The shape shared by the four missing-* rules: the task's cell for `field` is empty. */
export function missingFieldRule(id: RuleId, field: Field, message: Bilingual, example: Bilingual): Rule {
  return {
    id,
    severity: "error",
    requires: [field],
    docs: { description: { zh: `${message.zh}`, en: message.en }, example },
    *check({ ledger }) {
      const { tasks } = ledger;
      for (let i = 0; i < tasks.length; i++) {
        const task = tasks[i]!;
        if ((task.cells[field]?.text ?? "") === "") yield { task, field, message };
      }
    },
  };
}
