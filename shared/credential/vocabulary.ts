import regionsFile from '../regions.json' with { type: 'json' };

/** Categories of volunteer work (DESIGN.md). */
export const CATEGORIES = ['ecology', 'education', 'culture', 'social', 'health', 'emergency', 'animals', 'sport', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export type Language = 'kk' | 'ru' | 'en';
export const LANGUAGES: readonly Language[] = ['kk', 'ru', 'en'];
export type LocalizedText = Partial<Record<Language, string>>;

export interface Region {
  code: string;
  kind: 'region' | 'city';
  kk: string;
  ru: string;
  en: string;
}

/** The 20 regions of ISO 3166-2:KZ as amended in 2022 (17 regions, 3 cities). */
export const REGIONS: readonly Region[] = regionsFile.regions as Region[];
export const REGION_CODES: readonly string[] = REGIONS.map((r) => r.code);

export function regionByCode(code: string): Region | undefined {
  return REGIONS.find((r) => r.code === code);
}

/** The text in `lang`, falling back through the other languages so something is always shown. */
export function localized(text: LocalizedText | string | undefined, lang: Language): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.ru ?? text.kk ?? text.en ?? '';
}

export const VOLUNTEER_CREDENTIAL_TYPE = 'VolunteerActivityCredential';
export const CONTEXT_PATH = '/contexts/volunteer/v1';
export const SCHEMA_PATH = '/schemas/volunteer-activity/v1.json';
export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
