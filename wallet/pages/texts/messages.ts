import type { Messages } from '../../../shared/i18n/index.ts';
import { ACCOUNT_EN, ACCOUNT_KK, ACCOUNT_RU, type AccountText } from './account.ts';
import { EMAIL_EN, EMAIL_KK, EMAIL_RU, type EmailText } from './email.ts';
import { EN, type WalletText as PageText } from './en.ts';
import { KK } from './kk.ts';
import { RU } from './ru.ts';

export type WalletText = PageText | AccountText | EmailText;

/** Every wallet page text in kk, ru and en; the type refuses a table with a missing key. */
export const WALLET_TEXTS: Messages<WalletText> = { kk: { ...KK, ...ACCOUNT_KK, ...EMAIL_KK }, ru: { ...RU, ...ACCOUNT_RU, ...EMAIL_RU }, en: { ...EN, ...ACCOUNT_EN, ...EMAIL_EN } };
