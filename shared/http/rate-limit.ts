import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Migration, Queryable } from '../db/index.ts';
import { PassportError } from '../errors.ts';
import { authorizationHash } from './bearer.ts';
import { sendProblem } from './problem.ts';

const WINDOW_MS = 60_000;

/**
 * The counters of the rate limits: one row per bucket (`ip:…`, `key:…`) and minute. They live in
 * the service's database, so every instance behind a load balancer counts the same requests and
 * a limit means the same with one instance or four. Shared by all services (ids 900–999 are
 * tables every service has).
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
 * A rate limit counted in the database: each counted request is ONE statement, an upsert of its
 * buckets that answers their new counts (`ON CONFLICT … DO UPDATE … RETURNING`, on SQLite and
 * PostgreSQL alike). A bucket seen over the limit is remembered until its minute ends, so a
 * client that keeps hammering costs no database work; old minutes are deleted once a minute.
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const { db, perMinute, now = Date.now } = options;
  let window = 0;
  let over = new Set<string>();
  return (req, res, next) => {
    const buckets = [...new Set(options.buckets(req))];
    if (buckets.length === 0) return next();
    const at = now();
    const current = Math.floor(at / WINDOW_MS);
    if (current !== window) {
      window = current;
      over = new Set();
      db.run('DELETE FROM rate_limit_windows WHERE window_start < ?', [current - 1]).catch(() => undefined);
    }
    const resetSeconds = Math.max(1, Math.ceil(((current + 1) * WINDOW_MS - at) / 1000));
    if (buckets.some((b) => over.has(b))) return refuse(req, res, options.detail, perMinute, resetSeconds);
    countHits(db, buckets, current).then((hits) => {
      let most = 0;
      for (const [bucket, n] of hits) {
        most = Math.max(most, n);
        if (n > perMinute) over.add(bucket);
      }
      if (most > perMinute) return refuse(req, res, options.detail, perMinute, resetSeconds);
      setHeaders(res, perMinute, perMinute - most, resetSeconds);
      next();
    }, next);
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

/** The bucket of the client's address (IPv6 by its /56, as express-rate-limit groups them). */
export function clientBucket(kind: string, req: Request): string {
  return `${kind}:ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
}

async function countHits(db: Queryable, buckets: string[], window: number): Promise<Map<string, number>> {
  const rows = await db.all<{ bucket: string; hits: number }>(
    `INSERT INTO rate_limit_windows (bucket, window_start, hits) VALUES ${buckets.map(() => '(?, ?, 1)').join(', ')}
     ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1 RETURNING bucket, hits`,
    buckets.flatMap((b) => [b, window]),
  );
  return new Map(rows.map((r) => [r.bucket, Number(r.hits)]));
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
