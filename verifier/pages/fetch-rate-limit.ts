import type { RequestHandler } from 'express';
import type { Queryable } from '../../shared/db/index.ts';
import { clientBucket, rateLimit } from '../../shared/http/index.ts';

/**
 * `GET /verify?presentation=` makes the verifier fetch a URL it is given, so it is limited per
 * client like a write (the app-level limit skips GETs): otherwise anyone could use the verifier
 * to send requests to third parties. Counted in the database, like the write limit, so that all
 * instances share the count.
 */
export function fetchRateLimit(db: Queryable, perMinute: number): RequestHandler {
  return rateLimit({ db, perMinute, detail: 'Too many verifications; retry after the Retry-After header', buckets: (req) => [clientBucket('fetch', req)] });
}
