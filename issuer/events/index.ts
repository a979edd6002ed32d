export { EVENT_MIGRATIONS } from './migrations.ts';
export { createEventsRouter, createEventCheckInRouter, eventPaths } from './router.ts';
export { checkIn } from './check-in.ts';
export { exchangeCheckInCode, CHECK_IN_TOKEN_PREFIX } from './token.ts';
export { CHECK_IN_CODE_PREFIX } from './check-in-offer.ts';
