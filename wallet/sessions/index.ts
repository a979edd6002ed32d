export { createSessionsRouter } from './router.ts';
export { requireVolunteer, volunteerOf, sessionToken } from './authenticate.ts';
export { SESSION_COOKIE } from './cookie.ts';
