import { PassportError } from '../errors.ts';

/**
 * How deeply parsed JSON may nest (a body, a JWT payload). Our deepest legitimate document, a
 * credential inside a presentation, nests about six levels; 32 leaves room for other issuers'
 * credentials while keeping every recursive walk after parsing (`JSON.stringify` in `res.json`,
 * schema validation, canonicalisation) far from the call-stack limit.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Refuses parsed JSON that nests more than `max` objects or arrays deep, with `invalid_request`.
 * `JSON.parse` itself copes with any depth; what follows it does not (20,000 levels overflow the
 * stack of `JSON.stringify`), so the depth is checked once, right after parsing, without recursion.
 *
 * @example
 * assertJsonDepth(JSON.parse(text), MAX_JSON_DEPTH, 'The request body');
 */
export function assertJsonDepth(value: unknown, max: number = MAX_JSON_DEPTH, what = 'The JSON'): void {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: node, depth } = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth + 1 > max) {
      throw new PassportError('invalid_request', `${what} nests objects or arrays more than ${max} levels deep`, { extra: { maxDepth: max } });
    }
    for (const child of Object.values(node as Record<string, unknown>)) pending.push({ value: child, depth: depth + 1 });
  }
}
