import type { Request, RequestHandler, Response } from 'express';
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

/**
 * A rate limit counted in the database (see `Allowances`): a request takes one from each of its
 * buckets' allowance for the current minute, and is refused with 429 and Retry-After when one is
 * spent. Most requests are decided from memory, without a statement.
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const { perMinute, now = Date.now } = options;
  const allowances = new Allowances(options.db, perMinute);
  return (req, res, next) => {
    const buckets = [...new Set(options.buckets(req))];
    if (buckets.length === 0) return next();
    const at = now();
    const minute = Math.floor(at / WINDOW_MS);
    const resetSeconds = Math.max(1, Math.ceil(((minute + 1) * WINDOW_MS - at) / 1000));
    const decide = (allowed: boolean) => {
      if (!allowed) return refuse(req, res, options.detail, perMinute, resetSeconds);
      setHeaders(res, perMinute, allowances.remaining(buckets), resetSeconds);
      next();
    };
    const taken = allowances.take(buckets, minute);
    if (typeof taken === 'boolean') decide(taken);
    else taken.then(decide, next);
  };
}

/**
 * Rate limit for requests that write (every method but GET, HEAD and OPTIONS): counted per client
 * address and, separately, per bearer token (by its SHA-256, so the table holds no secret).
 */
export function writeRateLimit(db: Queryable, perMinute: number, now?: () => number): RequestHandler {
  return rateLimit({
    db,
    perMinute,
    now,
    detail: 'Too many write requests; retry after the Retry-After header',
    buckets: (req) => {
      if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return [];
      const key = authorizationHash(req);
      return key ? [clientBucket('write', req), `key:${key}`] : [clientBucket('write', req)];
    },
  });
}

/** The bucket of the client's address (IPv6 by its /56 network, see `clientAddress`). */
export function clientBucket(kind: string, req: Request): string {
  return `${kind}:ip:${clientAddress(req)}`;
}

/** The IETF RateLimit header fields (draft 8), as express-rate-limit sent them. */
function setHeaders(res: Response, limit: number, remaining: number, resetSeconds: number): void {
  res.setHeader('RateLimit-Policy', `"per-minute"; q=${limit}; w=${WINDOW_MS / 1000}`);
  res.setHeader('RateLimit', `"per-minute"; r=${Math.max(0, remaining)}; t=${resetSeconds}`);
}

function refuse(req: Request, res: Response, detail: string, limit: number, resetSeconds: number): void {
  setHeaders(res, limit, 0, resetSeconds);
  res.setHeader('Retry-After', String(resetSeconds));
  sendProblem(res, new PassportError('rate_limited', detail), req.originalUrl);
}
