import type { ErrorRequestHandler } from 'express';
import { PassportError } from '../../shared/errors.ts';
import { toProblem } from '../../shared/http/index.ts';

/** Our codes that are not OAuth / OpenID4VCI error codes, and the spec code a client expects instead. */
const SPEC_CODE: Partial<Record<string, string>> = {
  not_found: 'invalid_request',
  gone: 'invalid_request',
  forbidden: 'access_denied',
  unauthorized: 'invalid_token',
  unsupported_media_type: 'invalid_request',
  payload_too_large: 'invalid_request',
  rate_limited: 'slow_down',
  unprocessable: 'invalid_request',
};

/**
 * Errors of the OAuth and OpenID4VCI routes, in their specs' shape (`error`, `error_description`,
 * `application/json`; RFC 6749 section 5.2, OpenID4VCI 1.0 section 8.3.1.2) AND with our problem
 * details members in the same body, so OAuth clients and our own clients both understand them.
 */
export const oauthErrorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const known = asKnown(err);
  if (!known) return next(err);
  const error = SPEC_CODE[known.code] ?? known.code;
  if (known.code === 'invalid_token') res.set('www-authenticate', `Bearer error="invalid_token", error_description="${known.detail.replaceAll('"', "'")}"`);
  res
    .status(known.status)
    .set('cache-control', 'no-store')
    .type('application/json')
    .send(JSON.stringify({ error, error_description: known.detail, ...toProblem(known, req.originalUrl) }));
};

/** Our errors, and the body parsers' 4xx errors; anything else goes on to the 500 handler. */
function asKnown(err: unknown): PassportError | undefined {
  if (err instanceof PassportError) return err;
  const e = err as { status?: number; type?: string; message?: string };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new PassportError(e.type === 'entity.too.large' ? 'payload_too_large' : 'invalid_request', e.message ?? 'Bad request');
  }
  return undefined;
}
