import type { Language } from '../../../shared/credential/index.ts';

/** The offer e-mail in each language; `{…}` are filled in by compose.ts. */
export const MAIL_TEXTS: Record<Language, Record<'subject' | 'greeting' | 'body' | 'open' | 'scan' | 'until' | 'other', string>> = {
  kk: {
    subject: 'Волонтерлік жұмысыңыздың куәлігі: {activity}',
    greeting: 'Сәлеметсіз бе, {name}!',
    body: '«{organization}» сіздің жұмысыңызды растады: {activity}, {dates}, {hours} сағат.',
    open: 'Куәлікті волонтер паспортына алу үшін сілтемені ашыңыз:',
    scan: 'Немесе QR-кодты телефон камерасымен сканерлеңіз.',
    until: 'Сілтеме {date} дейін жарамды.',
    other: 'Басқа әмиянға арналған сілтеме:',
  },
  ru: {
    subject: 'Подтверждение вашей волонтёрской работы: {activity}',
    greeting: 'Здравствуйте, {name}!',
    body: '«{organization}» подтвердила вашу работу: {activity}, {dates}, {hours} ч.',
    open: 'Чтобы получить подтверждение в волонтёрский паспорт, откройте ссылку:',
    scan: 'Или отсканируйте QR-код камерой телефона.',
    until: 'Ссылка действует до {date}.',
    other: 'Ссылка для другого кошелька:',
  },
  en: {
    subject: 'Your volunteer work confirmed: {activity}',
    greeting: 'Hello {name},',
    body: '{organization} confirmed your work: {activity}, {dates}, {hours} hours.',
    open: 'Open this link to take the credential into your volunteer passport:',
    scan: 'Or scan the QR code with your phone camera.',
    until: 'The link works until {date}.',
    other: 'Link for another wallet:',
  },
};

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}
