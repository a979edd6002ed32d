import { z } from 'zod';
import { AnyPasswordSchema, NewPasswordSchema } from '../../shared/auth/index.ts';
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

/** The wallet's rules: at least 10 characters for a new password; any string is checked at sign-in. */
export const newPassword = NewPasswordSchema;
export const anyPassword = AnyPasswordSchema;

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
