import type { Language } from '../../shared/credential/index.ts';
import { translator } from '../../shared/i18n/index.ts';
import type { OutgoingMail } from '../../shared/mail/index.ts';
import { RECOVERY_MAIL_TEXTS } from './texts.ts';

/** How long an address confirmation link works. */
export const CONFIRM_LINK_MS = 24 * 3_600_000;

/** The e-mail that confirms an address: the link opens the wallet's `/confirm-email` page. */
export function confirmationMail(to: string, link: string, lang: Language): OutgoingMail {
  const t = translator(RECOVERY_MAIL_TEXTS, lang);
  return {
    to,
    subject: t('confirmSubject'),
    text: [t('confirmBody'), '', link, '', t('confirmIgnore', { hours: CONFIRM_LINK_MS / 3_600_000 })].join('\n'),
    headers: { 'Content-Language': lang },
  };
}

/** The e-mail with a password-reset link: the link opens the wallet's `/reset-password` page. */
export function resetMail(to: string, link: string, login: string, minutes: number, lang: Language): OutgoingMail {
  const t = translator(RECOVERY_MAIL_TEXTS, lang);
  return {
    to,
    subject: t('resetSubject'),
    text: [t('resetBody'), '', link, '', t('resetLogin', { login }), t('resetValid', { minutes }), '', t('resetIgnore')].join('\n'),
    headers: { 'Content-Language': lang },
  };
}
