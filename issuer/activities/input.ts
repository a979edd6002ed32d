import { createHash } from 'node:crypto';
import { z } from 'zod';
import { checkActivity, LANGUAGES, type Activity, type Language } from '../../shared/credential/index.ts';
import { hasValidIinBinCheckDigit } from '../../shared/identifiers/iin-bin.ts';

/** One activity as an organization submits it (API.md, `POST /v1/activities`). */
export interface ActivityRequest {
  /**
   * `language`: what the offer e-mail is written in; the organization's default when absent.
   * `iin`: the volunteer's individual identification number, 12 digits, check digit valid.
   */
  volunteer: { name: string; email?: string; language?: Language; iin?: string };
  activity: Activity;
  idempotencyKey?: string;
}

export interface InputProblem {
  /** Dotted path of the field at fault (`activity.hours`, `volunteer.name`). */
  field: string;
  message: string;
}

const text = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

// The messages never repeat the value: an IIN must not travel into error bodies or logs.
const iin = z
  .string({ message: 'must be a string of 12 digits' })
  .regex(/^\d{12}$/, 'must be 12 digits')
  .refine(hasValidIinBinCheckDigit, 'has a wrong check digit: it is not an IIN');

const Envelope = z
  .object({
    volunteer: z
      .object({
        name: text,
        email: z.email('must be an email address').max(254).optional(),
        language: z.enum(LANGUAGES as [Language, ...Language[]], { message: 'must be one of kk, ru, en' }).optional(),
        iin: iin.optional(),
      })
      .strict(),
    activity: z.unknown(),
    idempotencyKey: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  })
  .strict();

/**
 * Checks one submitted activity: the envelope (volunteer, idempotency key) with zod, the
 * activity itself with the shared rules (categories, ISO 3166-2:KZ regions, dates in order,
 * at most 24 hours a day, a name in kk, ru or en). Returns every problem, each naming its field.
 */
export function checkActivityRequest(input: unknown, now: Date): { request: ActivityRequest; problems: [] } | { request?: undefined; problems: InputProblem[] } {
  const envelope = Envelope.safeParse(input);
  const problems: InputProblem[] = envelope.success ? [] : envelope.error.issues.map(describe);
  const raw = typeof input === 'object' && input !== null ? (input as { activity?: unknown }).activity : undefined;
  let activity: Activity | undefined;
  if (raw === undefined) {
    if (!problems.some((p) => p.field === 'activity')) problems.push({ field: 'activity', message: 'is required' });
  } else {
    const checked = checkActivity(raw, 'activity', now);
    problems.push(...checked.problems);
    activity = checked.activity;
  }
  if (problems.length || !envelope.success || !activity) return { problems };
  const { volunteer, idempotencyKey } = envelope.data;
  return {
    request: {
      volunteer: {
        name: volunteer.name,
        ...(volunteer.email ? { email: volunteer.email } : {}),
        ...(volunteer.language ? { language: volunteer.language } : {}),
        ...(volunteer.iin ? { iin: volunteer.iin } : {}),
      },
      activity,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    },
    problems: [],
  };
}

/**
 * The idempotency key a spreadsheet row without one is given: its volunteer's name and its
 * activity, so the same row uploaded again (even in another file, or with a fixed e-mail) is the
 * same activity. Keys are scoped per organization by the table's unique constraint.
 */
export function rowIdempotencyKey(request: ActivityRequest): string {
  const digest = createHash('sha256').update(canonicalJson({ volunteer: request.volunteer.name.toLowerCase(), activity: request.activity })).digest('base64url');
  return `row:${digest}`;
}

/**
 * What an idempotency key stands for: the volunteer and the activity, in a canonical form, so a
 * replay with the same content matches and one with different content is told apart. The caller
 * hands the IIN in as its keyed fingerprint (`IinVault.fingerprint`), never in the clear.
 */
export function requestFingerprint(request: ActivityRequest): string {
  return createHash('sha256').update(canonicalJson({ volunteer: request.volunteer, activity: request.activity })).digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function describe(issue: z.core.$ZodIssue): InputProblem {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') return { field: field || issue.keys[0]!, message: `has unknown field(s): ${issue.keys.join(', ')}` };
  if (issue.code === 'invalid_type' && issue.input === undefined) return { field: field || 'body', message: 'is required' };
  if (issue.code === 'invalid_type' && !field) return { field: 'body', message: 'must be a JSON object' };
  return { field, message: issue.message };
}
