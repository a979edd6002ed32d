import type { Language } from '../../shared/credential/index.ts';

type MailKey = 'confirmSubject' | 'confirmBody' | 'confirmIgnore' | 'resetSubject' | 'resetBody' | 'resetLogin' | 'resetValid' | 'resetIgnore';

/**
 * The wallet's e-mails in each language; `{…}` are filled in by mail.ts. The confirmation
 * e-mail names no login: the address may have been typed by mistake and belong to a stranger.
 */
export const RECOVERY_MAIL_TEXTS: Record<Language, Record<MailKey, string>> = {
  kk: {
    confirmSubject: 'Волонтер паспорты: электрондық поштаны растаңыз',
    confirmBody: 'Бұл мекенжай волонтер паспортына кіруді қалпына келтіру үшін қосылды. Растау үшін сілтемені ашыңыз:',
    confirmIgnore: 'Сілтеме {hours} сағат жарамды. Егер мұны сіз сұрамасаңыз, бұл хатқа жауап бермеңіз: мекенжай қосылмайды.',
    resetSubject: 'Волонтер паспорты: жаңа құпиясөз қою',
    resetBody: 'Волонтер паспорты үшін жаңа құпиясөз сұралды. Оны қою үшін сілтемені ашыңыз:',
    resetLogin: 'Логиніңіз: {login}',
    resetValid: 'Сілтеме {minutes} минут және бір рет қана жарамды.',
    resetIgnore: 'Егер мұны сіз сұрамасаңыз, бұл хатты елемеңіз: құпиясөзіңіз өзгермейді.',
  },
  ru: {
    confirmSubject: 'Паспорт волонтёра: подтвердите адрес почты',
    confirmBody: 'Этот адрес добавлен для восстановления доступа к паспорту волонтёра. Чтобы подтвердить его, откройте ссылку:',
    confirmIgnore: 'Ссылка действует {hours} ч. Если это были не вы, просто не отвечайте: адрес не будет добавлен.',
    resetSubject: 'Паспорт волонтёра: новый пароль',
    resetBody: 'Для паспорта волонтёра запрошен новый пароль. Чтобы задать его, откройте ссылку:',
    resetLogin: 'Ваш логин: {login}',
    resetValid: 'Ссылка действует {minutes} минут и только один раз.',
    resetIgnore: 'Если это были не вы, не обращайте внимания на это письмо: пароль останется прежним.',
  },
  en: {
    confirmSubject: 'Volunteer passport: confirm your e-mail address',
    confirmBody: 'This address was added to recover access to a volunteer passport. To confirm it, open the link:',
    confirmIgnore: 'The link works for {hours} hours. If this was not you, do nothing: the address will not be added.',
    resetSubject: 'Volunteer passport: set a new password',
    resetBody: 'A new password was asked for your volunteer passport. To set it, open the link:',
    resetLogin: 'Your login: {login}',
    resetValid: 'The link works for {minutes} minutes, and only once.',
    resetIgnore: 'If this was not you, ignore this e-mail: your password stays as it was.',
  },
};
