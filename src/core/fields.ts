import type { Catalogue } from "./i18n.js";

/** The ledger fields the engine knows. Their ids are part of the JSON contract. */
export const FIELDS = ["problem", "measures", "lead", "department", "deadline", "status", "evidence"] as const;
export type Field = (typeof FIELDS)[number];

/** A field's name as the ledger's header (and every message) calls it. */
export const FIELD_NAMES = {
  zh: {
    problem: "反馈问题",
    measures: "整改措施",
    lead: "责任领导",
    department: "责任部门",
    deadline: "整改时限",
    status: "整改进展",
    evidence: "佐证材料",
  },
  en: {
    problem: "Problem",
    measures: "Measures",
    lead: "Lead",
    department: "Department",
    deadline: "Deadline",
    status: "Status",
    evidence: "Evidence",
  },
} as const satisfies Catalogue<Record<Field, string>>;
