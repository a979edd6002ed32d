import { PassportError } from '../errors.ts';

/**
 * The bounds a verifier or wallet puts on status lists it is pointed at by credentials it did not
 * make. docs/security.md ("Resource limits") explains each; change them there too.
 */

/**
 * The largest list inflated: 2 MiB, that is 16,777,216 entries, 128 times the 131,072 that
 * Bitstring Status List requires at least. Inflation stops at this size, so a GZIP bomb costs
 * this much memory at most before it is refused.
 */
export const MAX_STATUS_LIST_BYTES = 2 * 1024 * 1024;

/** The largest status list credential (the JWT) fetched. Ours are about 23 KB. */
export const MAX_STATUS_LIST_JWT_BYTES = 512 * 1024;

/** Status entries checked per credential; a credential with more fails `not_revoked`, nothing fetched. */
export const MAX_STATUS_ENTRIES = 4;

/**
 * Bytes of status lists one verification may fetch and inflate, in all. A presentation of 100
 * credentials from 100 organizations with lists of the minimum size needs 1.7 MB; this allows
 * eight lists of the largest size.
 */
export const STATUS_BYTES_PER_VERIFICATION = 16 * 1024 * 1024;

/** The least time a list is reused before it is revalidated, whatever `ttl` it says. */
export const MIN_STATUS_LIST_TTL_MS = 1_000;

/** Stable reasons (`PassportError.extra.reason`) that a check turns into its own error code. */
export const STATUS_LIST_TOO_LARGE = 'status_list_too_large';
export const STATUS_BUDGET_EXCEEDED = 'status_budget_exceeded';

/**
 * Bytes one request may still spend on status lists. `take` throws once the request would go
 * over: the check whose list did not fit could not be made.
 *
 * @example
 * const budget = new ByteBudget(STATUS_BYTES_PER_VERIFICATION);
 * budget.take(chunk.length);
 */
export class ByteBudget {
  private spent = 0;

  constructor(readonly limit: number) {}

  take(bytes: number): void {
    this.spent += bytes;
    if (this.spent > this.limit) {
      throw new PassportError('fetch_failed', `This verification has already fetched ${this.limit} bytes of status lists, the most one may`, {
        extra: { reason: STATUS_BUDGET_EXCEEDED },
      });
    }
  }

  get used(): number {
    return this.spent;
  }
}

export function reasonOf(err: unknown): string | undefined {
  return err instanceof PassportError ? (err.extra?.reason as string | undefined) : undefined;
}
