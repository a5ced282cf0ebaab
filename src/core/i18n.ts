import { z } from "zod";

/** Languages the engine speaks. Chinese first: it is the clerk's language. */
export const LANGS = ["zh", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const LangSchema = z.enum(LANGS);

/** A piece of text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * One catalogue per language of the same shape `T`: an interface of message templates, so a
 * key missing in one language fails the build. Every catalogue in the project (rules, errors,
 * bulletin, CLI, pane) is declared as `{ zh: {...}, en: {...} } satisfies Catalogue<AreaWords>`.
 */
export type Catalogue<T> = { readonly [L in Lang]: T };

export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}

export type TemplateData = Readonly<Record<string, string | number | undefined>>;

const PLACEHOLDER = /\{\{\s*(\w+)\s*(?:\|([^|}]*)\|([^|}]*))?\}\}/g;

/**
 * Fills a message template, ESLint-style: `{{name}}` is replaced by `data.name`;
 * `{{n|day|days}}` picks the singular when `data.n` is 1, else the plural (English needs it,
 * Chinese does not). An unknown placeholder is left as written so a missing datum shows.
 */
export function fill(template: string, data: TemplateData = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string, one?: string, many?: string) =>
    fillOne(data, whole, name, one, many),
  );
}

function fillOne(data: TemplateData, whole: string, name: string, one?: string, many?: string): string {
  const value = data[name];
  if (value === undefined) return whole;
  if (one !== undefined && many !== undefined) return value === 1 ? one : many;
  return String(value);
}

/**
 * `fill` for one template, read once: for a template filled many times over (a rule's message,
 * once per finding) the placeholders are not searched for again each time.
 */
export function compileTemplate(template: string): (data: TemplateData) => string {
  const parts: string[] = [];
  const holes: [whole: string, name: string, one: string | undefined, many: string | undefined][] = [];
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    parts.push(template.slice(at, m.index));
    holes.push([m[0], m[1]!, m[2], m[3]]);
    at = m.index + m[0].length;
  }
  const tail = template.slice(at);
  if (holes.length === 0) return () => template;
  return (data) => {
    let out = "";
    for (let i = 0; i < holes.length; i++) {
      const [whole, name, one, many] = holes[i]!;
      out += parts[i]! + fillOne(data, whole, name, one, many);
    }
    return out + tail;
  };
}
