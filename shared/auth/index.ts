export { hashPassword, verifyPassword, checkPassword, decoyHash, PASSWORD_WORK, type PasswordOptions } from './password.ts';
export { createWorkLimit, type WorkLimit, type WorkLimitOptions } from './work-limit.ts';
export { LoginSchema, AnyPasswordSchema, NewPasswordSchema, LOGIN_PATTERN, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from './rules.ts';
export { createSignInLimit, backoffDelayMs, DEFAULT_SIGN_IN_POLICY, type SignInLimit, type SignInPolicy, type SignInLimitOptions } from './sign-in-limit.ts';
export { createSignUpLimit, DEFAULT_SIGN_UP_POLICY, type SignUpLimit, type SignUpPolicy } from './sign-up-limit.ts';
export { signInAttemptsMigration, ATTEMPTS_TABLE } from './attempt-counters.ts';
