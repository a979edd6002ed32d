import { z } from 'zod';
import { PassportError } from '../../shared/errors.ts';
import type { Actor } from '../auth/index.ts';
import { regionCode } from '../registry/fields.ts';
import { parseInput } from '../../shared/http/index.ts';

/**
 * Which region a piece of work is counted in: where the activity took place (`activity`, the
 * credential's `region`), or where the organization that recorded it is accredited
 * (`organization`), so a front office can also see its own organizations' work done elsewhere.
 */
export const ATTRIBUTIONS = ['activity', 'organization'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

/** What a statistics request narrows to; `null` means "all". */
export interface StatsFilters {
  /** The region counted in, as `by` attributes work to regions. */
  region: string | null;
  /** Activities that ended on or after this day (YYYY-MM-DD). */
  from: string | null;
  /** Activities that ended on or before this day (YYYY-MM-DD). */
  to: string | null;
  by: Attribution;
}

const day = z
  .string({ message: 'must be a date as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(isCalendarDay, 'is not a calendar date');

const StatsQuery = z.object({
  by: z.enum(ATTRIBUTIONS, { message: `must be one of: ${ATTRIBUTIONS.join(', ')}` }).optional(),
  region: regionCode.optional(),
  from: day.optional(),
  to: day.optional(),
});

/**
 * Reads `?region=&from=&to=&by=` (an empty value means not given, as an HTML form sends it) and
 * answers `invalid_request` naming the field at fault. `by` defaults to `activity`.
 */
export function parseStatsFilters(query: Record<string, unknown>): StatsFilters {
  const given = Object.fromEntries(
    ['region', 'from', 'to', 'by'].filter((k) => query[k] !== undefined && query[k] !== '').map((k) => [k, query[k]]),
  );
  const parsed = parseInput(StatsQuery, given);
  const filters: StatsFilters = { region: parsed.region ?? null, from: parsed.from ?? null, to: parsed.to ?? null, by: parsed.by ?? 'activity' };
  if (filters.from && filters.to && filters.to < filters.from) {
    throw new PassportError('invalid_request', 'to must not be before from', { field: 'to' });
  }
  return filters;
}

/**
 * Narrows the filters to what the caller may see: the national registry everything, a regional
 * front office its own region only, under either attribution: the work done in its region, or
 * the work of the organizations accredited in its region wherever it was done (asked for another, it is refused rather than silently
 * shown its own, so a client never mistakes one region's figures for another's).
 */
export function scopeFilters(actor: Actor, filters: StatsFilters): StatsFilters {
  if (actor.kind === 'registry') return filters;
  if (actor.kind !== 'front_office') throw new PassportError('forbidden', 'Statistics are for the national registry and front offices');
  if (filters.region && filters.region !== actor.region) {
    throw new PassportError('forbidden', `This front office sees its own region (${actor.region}) only`, { field: 'region' });
  }
  return { ...filters, region: actor.region };
}

function isCalendarDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
