import { z } from 'zod';
import { activityProblems, ActivitySchema, type Activity } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';

/** An event's activity: the credential's activity without the hours, which the coordinator sets per person at the end. */
export type EventActivity = Omit<Activity, 'hours'>;

export interface EventRequest {
  activity: EventActivity;
  place?: string;
  checkInUntil: string;
}

const Envelope = z
  .object({
    activity: z.record(z.string(), z.unknown(), { message: 'must be an object' }),
    place: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
    checkInUntil: z.iso.datetime({ offset: true, message: 'must be a date and time (ISO 8601, e.g. 2026-05-02T18:00:00+05:00)' }),
  })
  .strict();

/**
 * Checks a new event: the activity by the credential's own rules (hours left out, and the event
 * may lie ahead: the rule that an activity is completed applies when it is confirmed), and a
 * check-in deadline that is still ahead.
 */
export function readEventRequest(input: unknown, now: Date): EventRequest {
  const parsed = Envelope.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || 'body';
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    throw new PassportError('invalid_request', `${field} ${missing ? 'is required' : issue.message}`, { field });
  }
  if ('hours' in parsed.data.activity) {
    throw new PassportError('invalid_request', 'activity.hours is set per person when the event is confirmed, not on the event', { field: 'activity.hours' });
  }
  const withHours = { ...parsed.data.activity, hours: 1 };
  const problems = activityProblems(withHours, 'activity', now).filter((p) => !(p.field === 'activity.activityEndDate' && p.message === 'must not be in the future'));
  if (problems.length) throw new PassportError('invalid_request', `${problems[0]!.field} ${problems[0]!.message}`, { field: problems[0]!.field });
  const checkInUntil = new Date(parsed.data.checkInUntil);
  if (checkInUntil <= now) throw new PassportError('invalid_request', 'checkInUntil must be in the future', { field: 'checkInUntil' });
  const { hours: _hours, ...activity } = ActivitySchema.parse(withHours);
  return { activity, ...(parsed.data.place ? { place: parsed.data.place } : {}), checkInUntil: checkInUntil.toISOString() };
}

/** Hours and a role: one value for everyone, then exceptions per check-in (`POST …/hours`, `…/confirm`). */
export interface HoursRequest {
  hours?: number;
  role?: string;
  checkIns: { id: string; hours?: number; role?: string; name?: string }[];
}

const hours = z.number({ message: 'must be a number' }).finite().gt(0, 'must be greater than 0').max(24 * 366, 'is too large');
const role = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

const HoursSchema = z
  .object({
    hours: hours.optional(),
    role: role.optional(),
    checkIns: z
      .array(
        z
          .object({
            id: z.string().min(1).max(100),
            hours: hours.optional(),
            role: role.optional(),
            name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters').optional(),
          })
          .strict(),
      )
      .max(10_000)
      .optional(),
  })
  .strict();

export function readHoursRequest(input: unknown): HoursRequest {
  const parsed = HoursSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || 'body';
    throw new PassportError('invalid_request', `${field} ${issue.message}`, { field });
  }
  return { ...parsed.data, checkIns: parsed.data.checkIns ?? [] };
}

const ReasonSchema = z.object({ reason: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters') }).strict();

export function readReason(input: unknown): string {
  const parsed = ReasonSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || 'reason';
    throw new PassportError('invalid_request', `${field} ${issue.code === 'invalid_type' ? 'is required' : issue.message}`, { field });
  }
  return parsed.data.reason;
}
