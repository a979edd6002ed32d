import { z } from 'zod';
import { PassportError } from '../errors.ts';

/**
 * Validates a JSON body (or a query) against a zod schema, answering `invalid_request` that names the first
 * field at fault (`name.kk`, `region`), so a client can point at it.
 */
export function parseInput<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new PassportError('invalid_request', 'The request body must be a JSON object (Content-Type: application/json)');
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || undefined;
  throw new PassportError('invalid_request', `${field ?? 'The body'} ${describe(issue)}`, field ? { field } : {});
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `has unknown field(s): ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  return issue.message;
}
