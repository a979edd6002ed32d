export { createConsoleRouter } from './router.ts';
export { consolePage, translate, type ConsoleView, type Translate } from './frame.ts';
export { navigation, homeOf, type Tab, type NavItem } from './nav.ts';
export { CONSOLE_TEXTS, type ConsoleText } from './texts/messages.ts';
export { consoleOpenApiPaths } from './openapi.ts';
