import express, { Router, type RequestHandler } from 'express';
import { assertJsonDepth } from '../json/index.ts';

/** What every route but a few large-upload routes may receive, in bytes (1 MiB). */
export const BODY_LIMIT = 1024 * 1024;

const JSON_TYPES = ['application/json', 'application/*+json'];

export interface BodyParsingOptions {
  /**
   * Paths whose routes parse their own bodies, after their own authentication (a batch upload of
   * 10 MiB): left unread here, so an anonymous 10 MiB upload is refused before it is received.
   */
  parsedByRoute?: readonly string[];
}

/**
 * The request body parsers: JSON and HTML forms up to `BODY_LIMIT`, JSON nested at most
 * `MAX_JSON_DEPTH` deep. Mount this AFTER rate limiting and authentication and before the
 * routers, so a request that will be refused is refused before its body is read. A body that is
 * already parsed (by an earlier mount for public routes) is left alone. Other content types
 * (text/plain, text/csv) are not parsed: routes see no body and answer that they want JSON.
 *
 * @example
 * app.use(writeRateLimit(config.writeRateLimit));
 * app.use(authenticate(deps));
 * app.use(parseBodies({ parsedByRoute: ['/v1/activities/batch'] }));
 */
export function parseBodies(options: BodyParsingOptions = {}): RequestHandler {
  const own = new Set(options.parsedByRoute ?? []);
  const parsers = Router().use(
    express.json({ limit: BODY_LIMIT, type: JSON_TYPES }),
    express.urlencoded({ limit: BODY_LIMIT, extended: false }),
    boundedDepth,
  );
  return (req, res, next) => (own.has(req.path) ? next() : parsers(req, res, next));
}

/**
 * The parsers of a route that takes large JSON or CSV bodies, for mounting on that route after
 * its authentication: `router.post('/v1/activities/batch', requireActor('organization'), largeBody('10mb'), …)`.
 */
export function largeBody(limit: string, options: { raw?: readonly string[] } = {}): RequestHandler {
  const router = Router();
  // Media types the route reads as bytes (a workbook; a CSV whose encoding it tells itself).
  // Mounted only when named: type-is takes an empty list as "any type".
  if (options.raw?.length) router.use(express.raw({ limit, type: [...options.raw] }));
  return router.use(
    express.json({ limit, type: JSON_TYPES }),
    express.text({ limit, type: ['text/csv'] }),
    boundedDepth,
  );
}

const boundedDepth: RequestHandler = (req, _res, next) => {
  // Bytes (a workbook) are not JSON: only parsed JSON has a depth.
  if (req.body !== null && typeof req.body === 'object' && !Buffer.isBuffer(req.body)) assertJsonDepth(req.body, undefined, 'The request body');
  next();
};
