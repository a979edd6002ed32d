export { createAccountsRouter } from './router.ts';
export { createAccount } from './create.ts';
export { findVolunteer, type Volunteer } from './volunteer.ts';
