export { pickLanguage, isLanguage, fromAcceptLanguage, cookie, translator, LANGUAGE_COOKIE, type Messages } from './language.ts';
