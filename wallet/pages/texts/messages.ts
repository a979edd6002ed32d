import type { Messages } from '../../../shared/i18n/index.ts';
import { EN, type WalletText } from './en.ts';
import { KK } from './kk.ts';
import { RU } from './ru.ts';

export type { WalletText } from './en.ts';

/** Every wallet page text in kk, ru and en; the type refuses a table with a missing key. */
export const WALLET_TEXTS: Messages<WalletText> = { kk: KK, ru: RU, en: EN };
