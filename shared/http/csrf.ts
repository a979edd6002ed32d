import type { Request, RequestHandler } from 'express';
import { PassportError } from '../errors.ts';

/**
 * What a page on another site can make a browser send without a CORS preflight: a `<form>` posts
 * these three types (and `navigator.sendBeacon` sends text/plain). JSON, spreadsheets and every
 * other explicit type need a preflight, which our services never grant to other origins.
 */
const FORM_MEDIA_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface OriginOptions {
  /** The service's public base URL (`WALLET_URL`, `ISSUER_URL`): its origin is the one accepted. */
  publicUrl: string;
  /**
   * Also accept the origin the request itself was addressed to (`{protocol}://{Host}`) when that
   * host is loopback (`localhost`, `127.0.0.1`, `[::1]`), so a page opened as `127.0.0.1:4200`
   * works while `WALLET_URL` says `localhost:4200`. A cross-site page cannot choose the Host of
   * a request to us, so this opens nothing to other sites. Default true.
   */
  allowLoopbackHost?: boolean;
}

export interface CookieCsrfOptions extends OriginOptions {
  /** The session cookie whose presence makes a request one that a browser may send on its own. */
  cookieName: string;
}

/**
 * CSRF defence for routes that a cookie can authenticate. A write (any method but GET, HEAD,
 * OPTIONS) that carries `cookieName` and no `Authorization` header must come from the service's
 * own origin and must not have a form media type; otherwise 403 `csrf`. Bearer-token calls are
 * untouched: a browser never adds `Authorization` to a cross-site request on its own.
 *
 * Where the request comes from is read, in order: `Sec-Fetch-Site` (set by the browser, cannot
 * be forged by a page; anything but `same-origin` is refused), then `Origin`, then `Referer`.
 * A cookie write with none of them is refused. Pages whose scripts write should be served with
 * `Referrer-Policy: same-origin` (or stricter-but-same-origin), since under `no-referrer` some
 * browsers send `Origin: null` even to their own origin; `Sec-Fetch-Site` covers the rest.
 *
 * @example
 * app.use(cookieCsrfGuard({ cookieName: 'passport_session', publicUrl: config.walletUrl }));
 */
export function cookieCsrfGuard(options: CookieCsrfOptions): RequestHandler {
  const cookiePattern = new RegExp(`(?:^|;)\\s*${escapeRegExp(options.cookieName)}=`);
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || req.get('authorization') !== undefined) return next();
    if (!cookiePattern.test(req.get('cookie') ?? '')) return next();
    refuseFormMediaType(req);
    if (requestSource(req, options) !== 'own') {
      throw new PassportError('csrf', 'A write signed in by cookie must come from this service’s own pages (Origin or Sec-Fetch-Site); scripts should send Authorization: Bearer');
    }
    next();
  };
}

/**
 * Login-CSRF defence for the routes that begin a session (sign-in, sign-up, accepting an
 * invitation): they carry no cookie yet, so `cookieCsrfGuard` does not see them, yet a cross-site
 * form posting to them would sign the victim into the attacker's account. They take JSON only
 * (form types: 403 `csrf`; anything else: 415), and a request that a browser marks as coming
 * from another origin is refused (403 `csrf`). A request with no browser marks at all (no
 * `Origin`, `Sec-Fetch-Site` or `Referer`: curl, scripts) passes: a browser always sends `Origin`
 * on a cross-origin POST.
 *
 * @example
 * router.post('/v1/sessions', loginCsrfGuard({ publicUrl: config.walletUrl }), signInHandler);
 */
export function loginCsrfGuard(options: OriginOptions): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    refuseFormMediaType(req);
    if (!isJson(req)) throw new PassportError('unsupported_media_type', 'Send the body as JSON (Content-Type: application/json)');
    const source = requestSource(req, options);
    if (source === 'other') throw new PassportError('csrf', 'Signing in or up is accepted from this service’s own pages or from API clients only');
    next();
  };
}

/** Where the browser says a request comes from: our own origin, another one, or it does not say. */
export function requestSource(req: Request, options: OriginOptions): 'own' | 'other' | 'unknown' {
  const fetchSite = req.get('sec-fetch-site');
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return 'other';
  const own = ownOrigins(req, options);
  const origin = req.get('origin');
  if (origin !== undefined && origin !== 'null') return own.has(origin.toLowerCase()) ? 'own' : 'other';
  if (fetchSite === 'same-origin') return 'own';
  if (origin === 'null') return 'other';
  const referer = req.get('referer');
  if (referer !== undefined) return own.has(originOf(referer) ?? '') ? 'own' : 'other';
  return 'unknown';
}

function ownOrigins(req: Request, options: OriginOptions): Set<string> {
  const origins = new Set<string>([originOf(options.publicUrl) ?? '']);
  const host = (req.get('host') ?? '').toLowerCase();
  if ((options.allowLoopbackHost ?? true) && LOOPBACK_HOSTS.has(host.replace(/:\d+$/, ''))) {
    origins.add(`${req.protocol}://${host}`);
  }
  return origins;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin.toLowerCase();
  } catch {
    return undefined;
  }
}

function mediaType(req: Request): string {
  return (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

function refuseFormMediaType(req: Request): void {
  if (FORM_MEDIA_TYPES.has(mediaType(req))) {
    throw new PassportError('csrf', `${mediaType(req)} is what a cross-site form sends; send JSON (Content-Type: application/json)`);
  }
}

function isJson(req: Request): boolean {
  const type = mediaType(req);
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
