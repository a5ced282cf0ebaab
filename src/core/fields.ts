import type { Bilingual } from "./i18n.js";

/** The ledger fields the engine knows. Their ids are part of the JSON contract. */
export const FIELDS = ["problem", "measures", "lead", "department", "deadline", "status", "evidence"] as const;
export type Field = (typeof FIELDS)[number];

export const FIELD_LABELS: Record<Field, Bilingual> = {
  problem: { zh: "反馈问题", en: "Problem" },
  measures: { zh: "整改措施", en: "Measures" },
  lead: { zh: "责任领导", en: "Lead" },
  department: { zh: "责任部门", en: "Department" },
  deadline: { zh: "整改时限", en: "Deadline" },
  status: { zh: "整改进展", en: "Status" },
  evidence: { zh: "佐证材料", en: "Evidence" },
};
