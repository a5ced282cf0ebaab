/** Languages the engine speaks. Chinese first: it is the clerk's language. */
export type Lang = "zh" | "en";

/** A piece of text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}
