import express, { Router, type RequestHandler } from 'express';
import { assertJsonDepth } from '../json/index.ts';

/** What every route but a few large-upload routes may receive. */
export const BODY_LIMIT = '1mb';

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

const LEAN_LIMIT_BYTES = 1024 * 1024;
const JSON_MEDIA_TYPE = /^application\/(?:[a-z0-9!#$&^_.-]+\+)?json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const FIRST_CHAR = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d])/;

/**
 * `parseBodies` for a hot route (shared/http/hot-route.ts): the common request, UTF-8 JSON of a
 * stated length up to 1 MiB with no content coding, is read here without body-parser's stream
 * machinery, parsed as strictly as `express.json` (an object or an array), and bounded in depth
 * the same way; any other request (a form, a chunked or compressed body, another charset, an
 * empty or too large body) goes to `fallback`, the service's own `parseBodies()`, unchanged.
 */
export function leanJsonBody(fallback: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const type = req.headers['content-type'];
    const length = Number(req.headers['content-length']);
    const coding = req.headers['content-encoding'];
    if (!type || !JSON_MEDIA_TYPE.test(type) || !(length > 0 && length <= LEAN_LIMIT_BYTES) || (coding && coding.toLowerCase() !== 'identity')) {
      return fallback(req, res, next);
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('error', next);
    req.once('end', () => {
      let text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      let body: unknown;
      try {
        const first = FIRST_CHAR.exec(text)?.[1];
        if (first !== '{' && first !== '[') throw new SyntaxError(`Unexpected token ${JSON.stringify(first ?? '')}: the body must be a JSON object or array`);
        body = JSON.parse(text);
      } catch (err) {
        return next(Object.assign(err as Error, { type: 'entity.parse.failed', status: 400 }));
      }
      (req as { _body?: boolean })._body = true;
      req.body = body;
      try {
        boundedDepth(req, res, next);
      } catch (err) {
        next(err);
      }
    });
  };
}
