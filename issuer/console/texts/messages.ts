import type { Messages } from '../../../shared/i18n/index.ts';
import { EN, type ConsoleText } from './en.ts';
import { KK } from './kk.ts';
import { RU } from './ru.ts';

export type { ConsoleText } from './en.ts';

/** Every console text in kk, ru and en; the type refuses a table with a missing key. */
export const CONSOLE_TEXTS: Messages<ConsoleText> = { kk: KK, ru: RU, en: EN };
