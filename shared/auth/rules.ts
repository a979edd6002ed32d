import { z } from 'zod';

/**
 * Logins are what volunteers type on a phone: 3 to 64 letters, digits, `.`, `_`, `-` or `@`
 * (an e-mail address works), compared without case. Passwords are at least 10 characters; the
 * upper bound only keeps scrypt's input reasonable.
 */
export const LOGIN_PATTERN = /^[a-z0-9._@-]{3,64}$/;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1_024;

export const LoginSchema = z
  .string({ message: 'must be a string' })
  .trim()
  .toLowerCase()
  .regex(LOGIN_PATTERN, 'must be 3 to 64 characters: letters a-z, digits, ".", "_", "-" or "@"');

export const NewPasswordSchema = z
  .string({ message: 'must be a string' })
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

/** At sign-in the rules of the day are not applied: any string is checked against the hash. */
export const AnyPasswordSchema = z.string({ message: 'must be a string' }).min(1, 'must not be empty').max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
