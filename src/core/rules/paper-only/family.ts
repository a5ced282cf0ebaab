import type { Catalogue } from "../../i18n.js";

/** The paper-only family's own words: its title, and how a reason's title is put after it. */
export interface FamilyWords {
  title: string;
  /** `{{family}}` and `{{reason}}`: 疑似纸面整改·只有会议和文件. */
  reasonTitle: string;
}

export const PAPER_ONLY_WORDS = {
  zh: { title: "疑似纸面整改", reasonTitle: "{{family}}·{{reason}}" },
  en: { title: "Possibly paper-only", reasonTitle: "{{family}}: {{reason}}" },
} as const satisfies Catalogue<FamilyWords>;
