import { z } from 'zod';
import { parseUnit, type Unit } from './units.ts';

export const STAFF_ROLES = ['admin', 'member', 'viewer'] as const;

export const staffRole = z.enum(STAFF_ROLES, { message: 'must be admin, member or viewer' });

/**
 * A person's login is their e-mail address, compared without case. The pattern only asks for
 * something@something.tld: whether the address receives mail is the inviting admin's concern.
 */
export const staffLogin = z
  .string({ message: 'must be a string' })
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address');

export const personName = z.string({ message: 'must be a string' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** The wallet's rules: at least 10 characters; the upper bound only keeps scrypt's input reasonable. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1_024;
export const newPassword = z
  .string({ message: 'must be a string' })
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

/** At sign-in any string is checked against the hash: the rules of the day are not applied. */
export const anyPassword = z.string({ message: 'must be a string' }).min(1, 'must not be empty').max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

export const unitField = z
  .string({ message: 'must be a string' })
  .transform((text, ctx): Unit => {
    const unit = parseUnit(text);
    if (!unit) {
      ctx.addIssue({ code: 'custom', message: 'must be registry, front-office:{id} or organization:{id}' });
      return z.NEVER;
    }
    return unit;
  });
