import type { Request } from 'express';
import { z } from 'zod';
import { PassportError } from '../../shared/errors.ts';
import { LIST_STATUSES, type ActivityFilter } from './list.ts';

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a calendar date');
const ids = z
  .string()
  .max(400_000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .refine((a) => a.length > 0 && a.length <= 10_000, 'must name 1 to 10000 activities');

export const FilterSchema = z.object({
  status: z.enum(LIST_STATUSES as [string, ...string[]], { message: `must be one of ${LIST_STATUSES.join(', ')}` }).optional(),
  project: z.string().trim().min(1).max(200).optional(),
  from: date.optional(),
  to: date.optional(),
  upload: z.string().trim().min(1).max(100).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  ids: ids.optional(),
});

export const ListQuerySchema = FilterSchema.extend({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').default(50),
  counts: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

/** Parses a query against a schema, answering 400 naming the first field at fault. */
export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const query = schema.safeParse(req.query);
  if (!query.success) {
    const issue = query.error.issues[0]!;
    const field = issue.path.join('.');
    throw new PassportError('invalid_request', `${field} ${issue.message}`, { field });
  }
  return query.data;
}

export type { ActivityFilter };
