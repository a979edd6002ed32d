import type { Messages } from '../../../shared/i18n/index.ts';
import { ACCOUNT_EN, ACCOUNT_KK, ACCOUNT_RU, type AccountText } from './account.ts';
import { CHECK_IN_EN, CHECK_IN_KK, CHECK_IN_RU, type CheckInText } from './check-ins.ts';
import { EN, type WalletText as PageText } from './en.ts';
import { KK } from './kk.ts';
import { RU } from './ru.ts';

export type WalletText = PageText | AccountText | CheckInText;

/** Every wallet page text in kk, ru and en; the type refuses a table with a missing key. */
export const WALLET_TEXTS: Messages<WalletText> = {
  kk: { ...KK, ...ACCOUNT_KK, ...CHECK_IN_KK },
  ru: { ...RU, ...ACCOUNT_RU, ...CHECK_IN_RU },
  en: { ...EN, ...ACCOUNT_EN, ...CHECK_IN_EN },
};
