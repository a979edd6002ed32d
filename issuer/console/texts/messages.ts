import type { Messages } from '../../../shared/i18n/index.ts';
import { COORDINATOR_EN, type CoordinatorText } from './coordinator-en.ts';
import { COORDINATOR_KK } from './coordinator-kk.ts';
import { COORDINATOR_RU } from './coordinator-ru.ts';
import { EN, type ConsoleText as BaseText } from './en.ts';
import { KK } from './kk.ts';
import { RU } from './ru.ts';

export type ConsoleText = BaseText | CoordinatorText;

/** Every console text in kk, ru and en; the types refuse a table with a missing key. */
export const CONSOLE_TEXTS: Messages<ConsoleText> = {
  kk: { ...KK, ...COORDINATOR_KK },
  ru: { ...RU, ...COORDINATOR_RU },
  en: { ...EN, ...COORDINATOR_EN },
};
