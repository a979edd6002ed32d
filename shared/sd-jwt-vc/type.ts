import type { Language } from '../credential/index.ts';

/** The media type and OpenID4VCI / OpenID4VP format identifier of an SD-JWT VC. */
export const SD_JWT_VC_FORMAT = 'dc+sd-jwt';
/** The `typ` of the Key Binding JWT that ends a presentation (RFC 9901, section 4.3). */
export const KB_JWT_TYP = 'kb+jwt';
/** The digest algorithm of `_sd` (the only one issued and accepted here). */
export const SD_ALG = 'sha-256';

/** Where the issuer serves the type metadata of the volunteer activity SD-JWT VC (its `vct`). */
export const VCT_PATH = '/vct/volunteer-activity/v1';

/** The `vct` of a volunteer activity SD-JWT VC issued by the platform's issuer. */
export function volunteerActivityVct(issuerUrl: string): string {
  return issuerUrl + VCT_PATH;
}

/**
 * The claims a holder chooses to disclose or not: the volunteer's name and IIN. The activity (what,
 * when, where, how many hours, who confirmed it) is always shown: it is what the credential is for.
 */
export const DISCLOSABLE_CLAIMS = ['name', 'iin'] as const;
export type DisclosableClaim = (typeof DISCLOSABLE_CLAIMS)[number];

/** Digests in every credential, real or decoy, so that their count does not tell whether an IIN is inside. */
export const DIGESTS_PER_CREDENTIAL = 3;

type Labels = Record<Language, string>;

const CLAIM_LABELS: { path: string[]; label: Labels; sd: 'always' | 'never' }[] = [
  { path: ['name'], label: { kk: 'Волонтер', ru: 'Волонтёр', en: 'Volunteer' }, sd: 'always' },
  { path: ['iin'], label: { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' }, sd: 'always' },
  { path: ['activity'], label: { kk: 'Іс-шара', ru: 'Мероприятие', en: 'Activity' }, sd: 'never' },
  { path: ['activity', 'name'], label: { kk: 'Атауы', ru: 'Название', en: 'Name' }, sd: 'never' },
  { path: ['activity', 'category'], label: { kk: 'Санат', ru: 'Категория', en: 'Category' }, sd: 'never' },
  { path: ['activity', 'region'], label: { kk: 'Өңір', ru: 'Регион', en: 'Region' }, sd: 'never' },
  { path: ['activity', 'activityStartDate'], label: { kk: 'Басталуы', ru: 'Начало', en: 'Start' }, sd: 'never' },
  { path: ['activity', 'activityEndDate'], label: { kk: 'Аяқталуы', ru: 'Окончание', en: 'End' }, sd: 'never' },
  { path: ['activity', 'hours'], label: { kk: 'Сағат', ru: 'Часы', en: 'Hours' }, sd: 'never' },
  { path: ['issuer_name'], label: { kk: 'Ұйым', ru: 'Организация', en: 'Organization' }, sd: 'never' },
];

const TYPE_DISPLAY: Record<Language, { name: string; description: string }> = {
  kk: { name: 'Волонтерлік қызмет (ЖСН-мен)', description: 'Аккредиттелген ұйым растаған бір волонтерлік іс-шара; аты мен ЖСН тек иесінің таңдауымен ашылады' },
  ru: { name: 'Волонтёрская деятельность (с ИИН)', description: 'Одно волонтёрское мероприятие, подтверждённое аккредитованной организацией; имя и ИИН раскрываются только по выбору владельца' },
  en: { name: 'Volunteer activity (with IIN)', description: 'One volunteer activity confirmed by an accredited organization; the name and IIN are disclosed only by the holder\'s choice' },
};

/**
 * The SD-JWT VC Type Metadata document served at the `vct` (SD-JWT VC, section 6): how wallets
 * show the credential and its claims in kk, ru and en, and which claims are selectively disclosed.
 */
export function volunteerActivityTypeMetadata(issuerUrl: string): Record<string, unknown> {
  const languages: Language[] = ['kk', 'ru', 'en'];
  return {
    vct: volunteerActivityVct(issuerUrl),
    name: 'Volunteer activity',
    description: 'One completed volunteer activity, confirmed by an organization accredited in the national registry of Kazakhstan',
    display: languages.map((locale) => ({
      locale,
      ...TYPE_DISPLAY[locale],
      rendering: { simple: { background_color: '#0b6e4f', text_color: '#ffffff' } },
    })),
    claims: CLAIM_LABELS.map((c) => ({ path: c.path, display: languages.map((locale) => ({ locale, label: c.label[locale] })), sd: c.sd })),
  };
}

/** The labels of the disclosable claims, for the pages that show what will be disclosed. */
export function claimLabel(claim: DisclosableClaim, lang: Language): string {
  return CLAIM_LABELS.find((c) => c.path.length === 1 && c.path[0] === claim)!.label[lang];
}
