import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { PASSPORT_API_JS } from '../pages/api-client.ts';
import { PASSPORT_CSS } from '../pages/style.ts';

export interface ServiceAppOptions {
  logger: Logger;
  /** Answers `/healthz` with 503 until this resolves true (database open, keys loaded). */
  ready?: () => boolean;
  /** Extra `Content-Security-Policy` sources for pages that need them (e.g. `blob:` for camera frames). */
  imgSrc?: string[];
  /** The service's OpenAPI 3.1 document, served at `/openapi.json`. */
  openApi: () => Record<string, unknown>;
  /** Express's `trust proxy` (`TRUST_PROXY`): whose X-Forwarded-For names the client. Loopback by default. */
  trustProxy?: string;
}

/**
 * The Express app every service starts from: security headers, request logging without secrets,
 * and `/healthz`. It reads no request body: the service mounts its rate limit and authentication,
 * then `parseBodies` (body.ts), then its routers, then the 404 and problem-details handlers.
 */
export function createServiceApp(options: ServiceAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(options.trustProxy ?? 'loopback'));
  const securityHeaders = helmet({
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
  });
  app.use(securityHeaders);
  app.use(requestLog(options.logger));
  FRONT.set(app, { securityHeaders, logRequest: (req, res, path) => logOnFinish(options.logger, req, res, () => path) });
  app.get('/healthz', (_req, res) => {
    if (options.ready && !options.ready()) {
      res.status(503).json({ status: 'starting' });
      return;
    }
    res.json({ status: 'ok' });
  });
  app.get('/openapi.json', (_req, res) => {
    res.json(options.openApi());
  });
  // The stylesheet every service's pages share; revalidated by ETag so a new version shows at once.
  app.get('/assets/passport.css', (_req, res) => {
    res.type('text/css').set('cache-control', 'no-cache').send(PASSPORT_CSS);
  });
  // And the JSON API client their scripts share, loaded before each page's own script.
  app.get('/assets/passport-api.js', (_req, res) => {
    res.type('text/javascript').set('cache-control', 'no-cache').send(PASSPORT_API_JS);
  });
  return app;
}

/** `TRUST_PROXY` as Express takes it: a number of hops, or a comma-separated list of addresses, subnets and names. */
function trustProxySetting(value: string): number | string[] {
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed.split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * What a route answered in front of Express (the verifier's `POST /v1/verify`) needs to answer
 * as the app would: the same security headers, and the same request log line.
 */
export interface ServiceFront {
  /** The app's helmet middleware; it only sets headers, so it runs on Node's own request and response. */
  securityHeaders: (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
  /** Logs the request when it finishes, as the app's request log does, under the route pattern `path`. */
  logRequest(req: IncomingMessage, res: ServerResponse, path: string): void;
}

const FRONT = new WeakMap<Express, ServiceFront>();

/** The security headers and request log of an app made by `createServiceApp`. */
export function serviceFrontOf(app: Express): ServiceFront {
  const front = FRONT.get(app);
  if (!front) throw new Error('serviceFrontOf: the app was not made by createServiceApp');
  return front;
}

function requestLog(logger: Logger): RequestHandler {
  // Only method, route pattern and status: query strings, bodies and paths may carry codes and
  // tokens (an offer link's token). `req.baseUrl` is not used: after an error handler mounted on
  // a path with parameters it holds the real values, not the pattern.
  return (req, res, next) => {
    logOnFinish(logger, req, res, () => (req.route ? String(req.route.path) : req.path));
    next();
  };
}

function logOnFinish(logger: Logger, req: IncomingMessage, res: ServerResponse, path: () => string): void {
  // Below info (LOG_LEVEL=warn, as under load tests) there is nothing to log: no timer, no listener.
  if (!logger.isLevelEnabled('info')) return;
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.info({ method: req.method, path: path(), status: res.statusCode, ms: Math.round(ms) }, 'request');
  });
}
