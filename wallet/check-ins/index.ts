export { createCheckInsRouter } from './router.ts';
export { rememberCheckIn, type Deferred } from './remember.ts';
export { CHECK_IN_TABLES } from './migrations.ts';
export type { CheckInView } from './view.ts';
