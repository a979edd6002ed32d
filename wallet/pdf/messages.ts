import type { Messages } from '../../shared/i18n/index.ts';

export type PdfKey =
  | 'title'
  | 'volunteer'
  | 'did'
  | 'printed'
  | 'totals'
  | 'totalHours'
  | 'byCategory'
  | 'byYear'
  | 'byOrganization'
  | 'excluded'
  | 'credentials'
  | 'none'
  | 'organization'
  | 'dates'
  | 'hours'
  | 'status'
  | 'verifyHeading'
  | 'verifyHow'
  | 'linkExpires'
  | 'noShare'
  | 'shareHolds'
  | 'valid'
  | 'revoked'
  | 'issuer_suspended'
  | 'issuer_not_accredited'
  | 'expired'
  | 'invalid'
  | 'unverifiable';

export const PDF_MESSAGES: Messages<PdfKey> = {
  kk: {
    title: 'Волонтер паспорты',
    volunteer: 'Волонтер',
    did: 'Сәйкестендіргіш (DID)',
    printed: 'Басып шығарылған күні',
    totals: 'Расталған қорытынды',
    totalHours: 'Барлығы: {hours} сағат',
    byCategory: 'Санаттар бойынша',
    byYear: 'Жылдар бойынша',
    byOrganization: 'Ұйымдар бойынша',
    excluded: 'Есепке алынбаған куәліктер: {count}',
    credentials: 'Куәліктер',
    none: 'Куәліктер әлі жоқ.',
    organization: 'Ұйым',
    dates: 'Мерзімі',
    hours: 'сағ.',
    status: 'Күйі',
    verifyHeading: 'Тексеру',
    verifyHow: 'QR-кодты телефон камерасымен сканерлеңіз немесе сілтемені ашыңыз: тексеруші қолтаңбаларды, аккредиттеуді және кері қайтарылмағанын тексереді.',
    linkExpires: 'Сілтеме {date} дейін жұмыс істейді (бұл сілтеменің мерзімі, куәліктердің емес).',
    noShare: 'Бұл құжатта QR-код жоқ. Оны қосу үшін паспорттың «Бөлісу» бетінде сілтеме жасап, құжатты қайта басып шығарыңыз.',
    shareHolds: 'Сілтемедегі куәліктер саны: {count}.',
    valid: 'жарамды',
    revoked: 'кері қайтарылған',
    issuer_suspended: 'ұйымның аккредиттеуі тоқтатылған',
    issuer_not_accredited: 'ұйым аккредиттелмеген',
    expired: 'мерзімі өткен',
    invalid: 'қолтаңба жарамсыз',
    unverifiable: 'тексеру мүмкін болмады',
  },
  ru: {
    title: 'Паспорт волонтёра',
    volunteer: 'Волонтёр',
    did: 'Идентификатор (DID)',
    printed: 'Дата печати',
    totals: 'Подтверждённые итоги',
    totalHours: 'Всего: {hours} ч',
    byCategory: 'По направлениям',
    byYear: 'По годам',
    byOrganization: 'По организациям',
    excluded: 'Не учтено удостоверений: {count}',
    credentials: 'Удостоверения',
    none: 'Удостоверений пока нет.',
    organization: 'Организация',
    dates: 'Даты',
    hours: 'ч',
    status: 'Статус',
    verifyHeading: 'Проверка',
    verifyHow: 'Отсканируйте QR-код камерой телефона или откройте ссылку: проверяющий сервис проверит подписи, аккредитацию и отсутствие отзыва.',
    linkExpires: 'Ссылка действует до {date} (это срок ссылки, а не удостоверений).',
    noShare: 'В этом документе нет QR-кода. Чтобы он появился, создайте ссылку на странице «Поделиться» паспорта и распечатайте документ снова.',
    shareHolds: 'Удостоверений по ссылке: {count}.',
    valid: 'действительно',
    revoked: 'отозвано',
    issuer_suspended: 'аккредитация организации приостановлена',
    issuer_not_accredited: 'организация не аккредитована',
    expired: 'срок истёк',
    invalid: 'подпись недействительна',
    unverifiable: 'проверить не удалось',
  },
  en: {
    title: 'Volunteer passport',
    volunteer: 'Volunteer',
    did: 'Identifier (DID)',
    printed: 'Printed on',
    totals: 'Verified totals',
    totalHours: 'Total: {hours} hours',
    byCategory: 'By category',
    byYear: 'By year',
    byOrganization: 'By organization',
    excluded: 'Credentials not counted: {count}',
    credentials: 'Credentials',
    none: 'No credentials yet.',
    organization: 'Organization',
    dates: 'Dates',
    hours: 'h',
    status: 'Status',
    verifyHeading: 'Verification',
    verifyHow: 'Scan the QR code with a phone camera or open the link: the verifier checks the signatures, the accreditation and that nothing was revoked.',
    linkExpires: "The link works until {date} (the link's expiry, not the credentials').",
    noShare: 'This document has no QR code. To add one, create a share link on the Share page of your passport, then print again.',
    shareHolds: 'Credentials behind the link: {count}.',
    valid: 'valid',
    revoked: 'revoked',
    issuer_suspended: 'organization suspended',
    issuer_not_accredited: 'organization not accredited',
    expired: 'expired',
    invalid: 'signature invalid',
    unverifiable: 'could not be checked',
  },
};
