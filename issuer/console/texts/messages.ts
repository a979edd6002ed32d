import type { Messages } from '../../../shared/i18n/index.ts';
import { EN, type ConsoleText as MainText } from './en.ts';
import { EVENT_TEXTS, type EventText } from './events.ts';
import { KK } from './kk.ts';
import { RU } from './ru.ts';

export type ConsoleText = MainText | EventText;

/** Every console text in kk, ru and en; the type refuses a table with a missing key. */
export const CONSOLE_TEXTS: Messages<ConsoleText> = {
  kk: { ...KK, ...EVENT_TEXTS.kk },
  ru: { ...RU, ...EVENT_TEXTS.ru },
  en: { ...EN, ...EVENT_TEXTS.en },
};
