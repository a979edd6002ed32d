import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import type { Migration, Queryable } from '../db/index.ts';
import { PassportError } from '../errors.ts';
import { Allowances } from './allowance.ts';
import { authorizationHash } from './bearer.ts';
import { clientAddress } from './client.ts';
import { sendProblem } from './problem.ts';

const WINDOW_MS = 60_000;

/**
 * The counters of the rate limits: one row per bucket (`write:ip:…`, `key:…`) and minute. They
 * live in the service's database, so every instance behind a load balancer draws from the same
 * allowance and a limit means the same with one instance or four. Shared by all services (ids
 * 900–999 are tables every service has).
 */
export const RATE_LIMIT_MIGRATION: Migration = {
  id: 900,
  name: 'rate limit windows',
  sql: `
    CREATE TABLE rate_limit_windows (
      bucket TEXT NOT NULL,
      window_start INTEGER NOT NULL,
      hits INTEGER NOT NULL,
      PRIMARY KEY (bucket, window_start)
    )
  `,
};

export interface RateLimitOptions {
  /** The service's database, where the counters are. */
  db: Queryable;
  /** Requests per bucket per minute (a fixed window, as express-rate-limit counted). */
  perMinute: number;
  /** The buckets a request counts in; it is refused when any of them is over the limit. None: not counted. */
  buckets(req: Request): string[];
  /** Says what was limited, in the 429's detail. */
  detail: string;
  now?: () => number;
}

/** A rate limit's Express middleware, and its way in for a request answered outside Express. */
export type RateLimit = RequestHandler & {
  /**
   * Takes one request from `buckets` for a request that is answered without Express (the
   * verifier's `POST /v1/verify`, see verifier/routes/verify-fast.ts): `true` when admitted, with
   * the RateLimit fields set on `res`; `false` when it is refused (the fields and Retry-After set),
   * and the caller answers 429 as this middleware would.
   */
  admit(buckets: readonly string[], res: ServerResponse): boolean | Promise<boolean>;
  /** Answers 429 with the limit's problem details, after `admit` said false. */
  refuse(res: ServerResponse, instance: string): void;
};

/**
 * A rate limit counted in the database (see `Allowances`): a request takes one from each of its
 * buckets' allowance for the current minute, and is refused with 429 and Retry-After when one is
 * spent. Most requests are decided from memory, without a statement.
 */
export function rateLimit(options: RateLimitOptions): RateLimit {
  const { perMinute, now = Date.now } = options;
  const allowances = new Allowances(options.db, perMinute);
  /** Takes one from every bucket and sets the RateLimit fields on `res`, with Retry-After when refused. */
  const take = (buckets: string[], res: ServerResponse): boolean | Promise<boolean> => {
    const at = now();
    const minute = Math.floor(at / WINDOW_MS);
    const resetSeconds = Math.max(1, Math.ceil(((minute + 1) * WINDOW_MS - at) / 1000));
    const decide = (allowed: boolean): boolean => {
      setHeaders(res, perMinute, allowed ? allowances.remaining(buckets) : 0, resetSeconds);
      if (!allowed) res.setHeader('Retry-After', String(resetSeconds));
      return allowed;
    };
    const taken = allowances.take(buckets, minute);
    return typeof taken === 'boolean' ? decide(taken) : taken.then(decide);
  };
  const refuse = (res: ServerResponse, instance: string) => sendProblem(res, new PassportError('rate_limited', options.detail), instance);
  const handler: RequestHandler = (req, res, next) => {
    const buckets = [...new Set(options.buckets(req))];
    if (buckets.length === 0) return next();
    const decide = (allowed: boolean) => (allowed ? next() : refuse(res, req.originalUrl));
    const taken = take(buckets, res);
    if (typeof taken === 'boolean') decide(taken);
    else taken.then(decide, next);
  };
  return Object.assign(handler, { admit: (buckets: readonly string[], res: ServerResponse) => take([...new Set(buckets)], res), refuse });
}

/**
 * Rate limit for requests that write (every method but GET, HEAD and OPTIONS): counted per client
 * address and, separately, per bearer token (by its SHA-256, so the table holds no secret).
 */
export function writeRateLimit(db: Queryable, perMinute: number, now?: () => number): RateLimit {
  return rateLimit({
    db,
    perMinute,
    now,
    detail: 'Too many write requests; retry after the Retry-After header',
    buckets: (req) => writeBuckets(req, clientAddress(req)),
  });
}

/**
 * The buckets a write counts in: its client's address (`addressKey`) and, when it carries an
 * Authorization header, that header's hash. None for GET, HEAD and OPTIONS.
 */
export function writeBuckets(req: IncomingMessage, address: string): string[] {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return [];
  const key = authorizationHash(req);
  return key ? [addressBucket('write', address), `key:${key}`] : [addressBucket('write', address)];
}

/** The bucket of the client's address (IPv6 by its /56 network, see `clientAddress`). */
export function clientBucket(kind: string, req: Request): string {
  return addressBucket(kind, clientAddress(req));
}

function addressBucket(kind: string, address: string): string {
  return `${kind}:ip:${address}`;
}

/** The IETF RateLimit header fields (draft 8), as express-rate-limit sent them. */
function setHeaders(res: ServerResponse, limit: number, remaining: number, resetSeconds: number): void {
  res.setHeader('RateLimit-Policy', `"per-minute"; q=${limit}; w=${WINDOW_MS / 1000}`);
  res.setHeader('RateLimit', `"per-minute"; r=${Math.max(0, remaining)}; t=${resetSeconds}`);
}
