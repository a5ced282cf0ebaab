import type { Field } from "../fields.js";
import type { Catalogue } from "../i18n.js";
import { defineRule, eachTask, type Rule, type RuleWords } from "./rule.js";

/** A missing-* rule's words: its one message says what to fill in, and is its description too. */
type MissingWords = Omit<RuleWords<"missing">, "description">;

/** The shape shared by the four missing-* rules: the task's cell for `field` is empty. */
export function missingFieldRule<const Id extends string>(
  id: Id,
  field: Field,
  words: Catalogue<MissingWords>,
): Rule<Id, undefined, "missing"> {
  return defineRule({
    id,
    severity: "error",
    incomplete: true,
    requires: [field],
    words: {
      zh: { ...words.zh, description: words.zh.messages.missing },
      en: { ...words.en, description: words.en.messages.missing },
    },
    check: eachTask((task) => {
      if ((task.cells[field]?.text ?? "") === "") return { task, field, messageId: "missing" };
      return undefined;
    }),
  });
}
