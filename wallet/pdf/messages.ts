import type { Messages } from '../../shared/i18n/index.ts';

export type PdfKey =
  | 'title'
  | 'subtitle'
  | 'counted'
  | 'category'
  | 'year'
  | 'count'
  | 'hoursColumn'
  | 'total'
  | 'activity'
  | 'page'
  | 'printedOn'
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
    subtitle: 'Волонтерлік жұмыстың расталған есебі',
    counted: 'Есепке алынған куәліктер: {count}',
    category: 'Санат',
    year: 'Жыл',
    count: 'Саны',
    hoursColumn: 'Сағат',
    total: 'Барлығы',
    activity: 'Іс-шара',
    page: 'Бет {n} / {total}',
    printedOn: 'Басып шығарылды: {date}',
    title: 'Волонтер паспорты',
    volunteer: 'Волонтер',
    did: 'Сәйкестендіргіш (DID)',
    printed: 'Басып шығарылған күні',
    totals: 'Расталған қорытынды',
    totalHours: 'Барлығы: {hours}',
    byCategory: 'Санаттар бойынша',
    byYear: 'Жылдар бойынша',
    byOrganization: 'Ұйымдар бойынша',
    excluded: 'Есепке алынбаған куәліктер: {count} ({why}); олардың сағаттары қорытындыға кірмейді.',
    credentials: 'Куәліктер',
    none: 'Куәліктер әлі жоқ.',
    organization: 'Ұйым',
    dates: 'Мерзімі',
    status: 'Күйі',
    verifyHeading: 'Тексеру',
    verifyHow: 'QR-кодты телефон камерасымен сканерлеңіз немесе сілтемені ашыңыз: тексеруші қолтаңбаларды, аккредиттеуді және кері қайтарылмағанын тексереді.',
    linkExpires: 'Сілтеменің жарамдылық мерзімі: {date} (бұл сілтеменің мерзімі, куәліктердің емес).',
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
    subtitle: 'Подтверждённый учёт волонтёрской работы',
    counted: 'Учтено удостоверений: {count}',
    category: 'Направление',
    year: 'Год',
    count: 'Кол-во',
    hoursColumn: 'Часы',
    total: 'Итого',
    activity: 'Мероприятие',
    page: 'Стр. {n} из {total}',
    printedOn: 'Напечатано {date}',
    title: 'Паспорт волонтёра',
    volunteer: 'Волонтёр',
    did: 'Идентификатор (DID)',
    printed: 'Дата печати',
    totals: 'Подтверждённые итоги',
    totalHours: 'Всего: {hours}',
    byCategory: 'По направлениям',
    byYear: 'По годам',
    byOrganization: 'По организациям',
    excluded: 'Не учтено удостоверений: {count} ({why}); их часы не входят в итоги.',
    credentials: 'Удостоверения',
    none: 'Удостоверений пока нет.',
    organization: 'Организация',
    dates: 'Даты',
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
    subtitle: 'A verified record of volunteer work',
    counted: 'Credentials counted: {count}',
    category: 'Category',
    year: 'Year',
    count: 'Count',
    hoursColumn: 'Hours',
    total: 'Total',
    activity: 'Activity',
    page: 'Page {n} of {total}',
    printedOn: 'Printed on {date}',
    title: 'Volunteer passport',
    volunteer: 'Volunteer',
    did: 'Identifier (DID)',
    printed: 'Printed on',
    totals: 'Verified totals',
    totalHours: 'Total: {hours}',
    byCategory: 'By category',
    byYear: 'By year',
    byOrganization: 'By organization',
    excluded: 'Credentials not counted: {count} ({why}); their hours are not in the totals.',
    credentials: 'Credentials',
    none: 'No credentials yet.',
    organization: 'Organization',
    dates: 'Dates',
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
