import express, { type Express, type Request, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { PassportError } from '../errors.ts';
import { sendProblem } from './problem.ts';

export const BODY_LIMIT = '1mb';

export interface ServiceAppOptions {
  logger: Logger;
  /** Answers `/healthz` with 503 until this resolves true (database open, keys loaded). */
  ready?: () => boolean;
  /** Extra `Content-Security-Policy` sources for pages that need them (e.g. `blob:` for camera frames). */
  imgSrc?: string[];
}

/**
 * The Express app every service starts from: security headers, a 1 MiB body limit for JSON,
 * form and CSV bodies, request logging without secrets, and `/healthz`. The service adds its
 * routers, then calls `finishServiceApp` to add the 404 and problem-details handlers.
 */
export function createServiceApp(options: ServiceAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'img-src': ["'self'", 'data:', 'blob:', ...(options.imgSrc ?? [])],
          'media-src': ["'self'", 'blob:', 'mediastream:'],
          // Pages post forms back to their own origin; share links open on the verifier.
          'form-action': ["'self'"],
          'upgrade-insecure-requests': null,
        },
      },
      crossOriginEmbedderPolicy: false,
      // Wallets and verifiers on other origins fetch our metadata, status lists and share links.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    }),
  );
  app.use(requestLog(options.logger));
  app.use(express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  app.use(express.urlencoded({ limit: BODY_LIMIT, extended: false }));
  app.use(express.text({ limit: BODY_LIMIT, type: ['text/csv', 'text/plain', 'application/jwt'] }));
  app.get('/healthz', (_req, res) => {
    if (options.ready && !options.ready()) {
      res.status(503).json({ status: 'starting' });
      return;
    }
    res.json({ status: 'ok' });
  });
  return app;
}

/**
 * Rate limit for routes that write: counted per client address and, when a bearer token is
 * present, per token (hashed, so the limiter's memory holds no secret).
 */
export function writeRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req: Request) => rateKey(req),
    handler: (req, res) => {
      sendProblem(res, new PassportError('rate_limited', 'Too many write requests; retry after the Retry-After header'), req.originalUrl);
    },
  });
}

function rateKey(req: Request): string {
  const auth = req.get('authorization');
  if (auth) {
    // A short non-reversible fingerprint of the token.
    let h = 0;
    for (let i = 0; i < auth.length; i++) h = (Math.imul(31, h) + auth.charCodeAt(i)) | 0;
    return `key:${h >>> 0}`;
  }
  return `ip:${req.ip ?? 'unknown'}`;
}

function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Only method, route path and status: query strings and bodies may carry codes and tokens.
      logger.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) }, 'request');
    });
    next();
  };
}
