import { z } from 'zod';
import { PassportError } from '../errors.ts';
import { CATEGORIES, REGION_CODES } from './vocabulary.ts';

const MAX_TEXT = 200;
const text = z.string().trim().min(1, 'must not be empty').max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => isCalendarDate(s), 'is not a calendar date');

/**
 * The activity inside a VolunteerActivityCredential, as organizations submit it and as
 * credentials carry it. Field names follow Open Badges 3.0 where they fit.
 */
export const ActivitySchema = z
  .object({
    achievementType: z.literal('CommunityService').optional(),
    name: z
      .object({ kk: text.optional(), ru: text.optional(), en: text.optional() })
      .strict()
      .refine((n) => Boolean(n.kk || n.ru || n.en), 'needs at least one of kk, ru, en'),
    project: text.optional(),
    category: z.enum(CATEGORIES, { message: `must be one of ${CATEGORIES.join(', ')}` }),
    region: z.string().refine((r) => REGION_CODES.includes(r), 'must be an ISO 3166-2:KZ code such as KZ-55 (see regions.json)'),
    activityStartDate: isoDate,
    activityEndDate: isoDate,
    hours: z.number({ message: 'must be a number' }).finite().gt(0, 'must be greater than 0'),
    role: text.optional(),
    confirmedBy: text.optional(),
  })
  .strict();

export type Activity = z.infer<typeof ActivitySchema>;

/**
 * The earliest day an activity may start. Kazakhstan's law on volunteering dates from 2015; 2000
 * leaves room for older records an organization can still confirm, and makes `0001-01-01` (with
 * the millions of hours that 24 a day would then allow) impossible. The latest end is tomorrow.
 */
export const EARLIEST_ACTIVITY_DATE = '2000-01-01';

/** Rules that span fields, each small and named, each reported on the field it concerns. */
export const activityRules: ReadonlyArray<(a: Activity, today: string) => { field: string; message: string } | undefined> = [
  function startsSinceEarliestDate(a) {
    return a.activityStartDate < EARLIEST_ACTIVITY_DATE ? { field: 'activityStartDate', message: `must not be before ${EARLIEST_ACTIVITY_DATE}` } : undefined;
  },
  function datesInOrder(a) {
    return a.activityEndDate < a.activityStartDate ? { field: 'activityEndDate', message: 'must not be before activityStartDate' } : undefined;
  },
  function hoursFitTheDays(a) {
    // A day has 24 hours: more than that per day of the activity cannot be a real record.
    const days = daysInclusive(a.activityStartDate, a.activityEndDate);
    return days > 0 && a.hours > 24 * days
      ? { field: 'hours', message: `must be at most ${24 * days} for an activity of ${days} day(s)` }
      : undefined;
  },
  function completedActivity(a, today) {
    // Credentials record completed work; a tolerance of one day covers time zones.
    return a.activityEndDate > addDays(today, 1) ? { field: 'activityEndDate', message: 'must not be in the future' } : undefined;
  },
];

/**
 * Validates an activity, answering `invalid_request` naming the first field at fault.
 *
 * @example
 * const activity = parseActivity(body.activity, 'activity', new Date());
 */
export function parseActivity(input: unknown, path = 'activity', now: Date = new Date()): Activity {
  const problems = activityProblems(input, path, now);
  if (problems.length) {
    const first = problems[0]!;
    throw new PassportError('invalid_request', `${first.field} ${first.message}`, { field: first.field });
  }
  return ActivitySchema.parse(input);
}

/** All problems of an activity, for per-row batch answers; empty when it is valid. */
export function activityProblems(input: unknown, path = 'activity', now: Date = new Date()): { field: string; message: string }[] {
  return checkActivity(input, path, now).problems;
}

/**
 * The activity as validated (schema and rules) and its problems: a batch checks each row once
 * and keeps what it parsed, instead of parsing it again to record it.
 */
export function checkActivity(input: unknown, path = 'activity', now: Date = new Date()): { activity?: Activity; problems: { field: string; message: string }[] } {
  const parsed = ActivitySchema.safeParse(input);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        field: [path, ...issue.path.map(String)].filter(Boolean).join('.'),
        message: valueAt(input, issue.path) === undefined && issue.code !== 'custom' ? 'is required' : describe(issue),
      })),
    };
  }
  const today = now.toISOString().slice(0, 10);
  const problems = activityRules
    .map((rule) => rule(parsed.data, today))
    .filter((p): p is { field: string; message: string } => Boolean(p))
    .map((p) => ({ field: `${path}.${p.field}`, message: p.message }));
  return problems.length ? { problems } : { activity: parsed.data, problems };
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `has unknown field(s): ${issue.keys.join(', ')}`;
  return issue.message;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function daysInclusive(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
