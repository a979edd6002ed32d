import { z } from 'zod';
import { REGION_CODES } from '../../shared/credential/index.ts';
import { hasValidIinBinCheckDigit } from '../../shared/identifiers/iin-bin.ts';

const MAX_NAME = 200;

/**
 * Identifiers of front offices and organizations end up in URLs and did:web paths
 * (`/orgs/{id}/did.json`), so they are lowercase slugs: nothing there needs escaping.
 */
export const slug = z
  .string({ message: 'must be a string' })
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'must be a slug of 1 to 64 lowercase letters, digits and inner hyphens');

export const regionCode = z
  .string({ message: 'must be a string' })
  .refine((r) => REGION_CODES.includes(r), 'must be an ISO 3166-2:KZ code such as KZ-55 (see regions.json)');

const nameText = z.string({ message: 'must be a string' }).trim().min(1, 'must not be empty').max(MAX_NAME, `must be at most ${MAX_NAME} characters`);

/** A name in all three languages (front offices are official bodies, named in each). */
export const fullName = z.object({ kk: nameText, ru: nameText, en: nameText }, { message: 'must be an object with kk, ru and en' }).strict();

/** A name in at least one of kk, ru, en. */
export const someName = z
  .object({ kk: nameText.optional(), ru: nameText.optional(), en: nameText.optional() }, { message: 'must be an object with kk, ru or en' })
  .strict()
  .refine((n) => Boolean(n.kk || n.ru || n.en), 'needs at least one of kk, ru, en');

/** The Business Identification Number of a Kazakh legal entity: 12 digits, the last a check digit. */
export const bin = z
  .string({ message: 'must be a string' })
  .regex(/^\d{12}$/, 'must be 12 digits')
  .refine(hasValidIinBinCheckDigit, 'has a wrong check digit (the 12th digit)');

export const reason = z.string({ message: 'must be a string' }).trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters');

/** How the registry and the front office reach an organization: a phone number, an address, a person. */
export const contact = z.string({ message: 'must be a string' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
