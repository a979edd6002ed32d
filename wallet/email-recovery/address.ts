import { z } from 'zod';

/**
 * An e-mail address as people type it, compared in lower case: "Dana@Mail.kz" and
 * "dana@mail.kz" are one mailbox for every provider people here use.
 */
export const EmailSchema = z
  .string({ message: 'must be a string' })
  .trim()
  .max(254, 'must be at most 254 characters')
  .email('must be an e-mail address')
  .transform((s) => s.toLowerCase());
