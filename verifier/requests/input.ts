import { z } from 'zod';
import { CATEGORIES, type LocalizedText } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { hasValidIinBinCheckDigit } from '../../shared/identifiers/iin-bin.ts';
import type { Policy } from '../checks/index.ts';

const text = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

const RequestInput = z
  .object({
    purpose: z
      .union([text, z.object({ kk: text.optional(), ru: text.optional(), en: text.optional() }).strict()])
      .refine((p) => typeof p === 'string' || Boolean(p.kk || p.ru || p.en), 'needs at least one of kk, ru, en')
      .optional(),
    // The candidate's IIN, as they gave it to the employer: the answer must disclose the same.
    // The messages never repeat it.
    iin: z
      .string({ message: 'must be a string of 12 digits' })
      .trim()
      .regex(/^\d{12}$/, 'must be 12 digits')
      .refine(hasValidIinBinCheckDigit, 'has a wrong check digit: it is not an IIN')
      .optional(),
    minHours: z.number({ message: 'must be a number' }).finite().gt(0, 'must be greater than 0').max(100_000, 'must be at most 100000').optional(),
    categories: z
      .array(z.enum(CATEGORIES, { message: `must be one of ${CATEGORIES.join(', ')}` }))
      .max(CATEGORIES.length)
      .refine((c) => new Set(c).size === c.length, 'must not repeat a category')
      .optional(),
    since: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a calendar date')
      .optional(),
  })
  .strict();

export const DEFAULT_PURPOSE: Required<LocalizedText> = {
  kk: 'Волонтерлік тәжірибеңізді тексеру',
  ru: 'Проверка вашего волонтёрского опыта',
  en: 'Checking your volunteer experience',
};

export interface RequestSpec {
  purpose: LocalizedText;
  policy: Policy | undefined;
  /** The IIN to compare the disclosed one with; kept only as a salted keyed hash. */
  iin?: string;
}

/** Validates `POST /v1/requests`, answering `invalid_request` naming the first field at fault. */
export function parseRequestInput(body: unknown): RequestSpec {
  const parsed = RequestInput.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'body');
    throw new PassportError('invalid_request', `${field} ${issue.message}`, { field });
  }
  const { purpose, minHours, categories, since, iin } = parsed.data;
  const policy: Policy = {
    ...(minHours !== undefined ? { minHours } : {}),
    ...(categories?.length ? { categories } : {}),
    ...(since ? { since } : {}),
  };
  return {
    // A purpose in one language is shown as it is in all three, rather than not at all.
    purpose: purpose === undefined ? DEFAULT_PURPOSE : typeof purpose === 'string' ? { kk: purpose, ru: purpose, en: purpose } : purpose,
    policy: Object.keys(policy).length ? policy : undefined,
    ...(iin ? { iin } : {}),
  };
}
