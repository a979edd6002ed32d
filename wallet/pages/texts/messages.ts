import type { Messages } from '../../../shared/i18n/index.ts';
import { ACCOUNT_EN, ACCOUNT_KK, ACCOUNT_RU, type AccountText } from './account.ts';
import { CREDENTIAL_EN, CREDENTIAL_KK, CREDENTIAL_RU, type CredentialText } from './credential.ts';
import { EMAIL_EN, EMAIL_KK, EMAIL_RU, type EmailText } from './email.ts';
import { EN, type WalletText as PageText } from './en.ts';
import { KK } from './kk.ts';
import { RU } from './ru.ts';

export type WalletText = PageText | AccountText | CredentialText | EmailText;

/** Every wallet page text in kk, ru and en; the type refuses a table with a missing key. */
export const WALLET_TEXTS: Messages<WalletText> = {
  kk: { ...KK, ...ACCOUNT_KK, ...CREDENTIAL_KK, ...EMAIL_KK },
  ru: { ...RU, ...ACCOUNT_RU, ...CREDENTIAL_RU, ...EMAIL_RU },
  en: { ...EN, ...ACCOUNT_EN, ...CREDENTIAL_EN, ...EMAIL_EN },
};
