export { createAccountsRouter } from './router.ts';
export { createAccount } from './create.ts';
export { findVolunteer, type Volunteer } from './volunteer.ts';
export { hashPassword, verifyPassword, DECOY_HASH } from './password.ts';
export { LoginSchema, AnyPasswordSchema, NewPasswordSchema } from './rules.ts';
