import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { PassportError } from '../errors.ts';

/** RFC 9457 problem details, with the project's stable `code`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  field?: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_TYPE_BASE = 'urn:volunteer-passport:problem:';

export function toProblem(err: PassportError, instance?: string): ProblemDetails {
  return {
    type: PROBLEM_TYPE_BASE + err.code,
    title: err.title,
    status: err.status,
    detail: err.detail,
    code: err.code,
    ...(err.field ? { field: err.field } : {}),
    ...(instance ? { instance } : {}),
    ...(err.extra ?? {}),
  };
}

/** Answers with `err` as problem details; on Node's own response too (the verifier's fast path). */
export function sendProblem(res: ServerResponse, err: PassportError, instance?: string): void {
  // A limit that says when to come back says it in the standard header too (RFC 9110, 10.2.3).
  const retryAfter = err.extra?.retryAfterSeconds;
  if (typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter > 0) res.setHeader('retry-after', String(Math.ceil(retryAfter)));
  const body = JSON.stringify(toProblem(err, instance));
  res.statusCode = err.status;
  res.setHeader('content-type', 'application/problem+json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/**
 * The single error handler: every error leaves a service as problem details. Errors from body
 * parsers, from decoding a URI or cookie and from parsing JSON that came with the request are
 * the client's: 4xx. Anything unknown is a 500 whose detail says nothing about internals; the
 * log has the stack, with tokens and query strings redacted by the logger (`redactSecrets`).
 */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    sendError(logger, res, err, req.originalUrl, req.path);
  };
}

/** Answers any error as problem details (see `problemHandler`), logging an unknown one with its stack under `path`. */
export function sendError(logger: Logger, res: ServerResponse, err: unknown, instance: string, path: string): void {
  const known = asPassportError(err);
  if (known.status >= 500) logger.error({ err, path }, 'request failed');
  sendProblem(res, known, instance);
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new PassportError('not_found', `No route for ${req.method} ${req.path}`));
};

/** Any error as what the client is told: its own mistakes as 4xx, anything unknown as a 500 that names nothing internal. */
export function asPassportError(err: unknown): PassportError {
  if (err instanceof PassportError) return err;
  const e = err as { type?: string; status?: number; statusCode?: number; message?: string; limit?: number };
  switch (e?.type) {
    case 'entity.too.large':
      return new PassportError('payload_too_large', `The request body is larger than ${e.limit ?? 1048576} bytes`);
    case 'entity.parse.failed':
      return new PassportError('invalid_request', `The request body is not valid JSON: ${e.message}`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new PassportError('unsupported_media_type', e.message ?? 'Unsupported encoding');
  }
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new PassportError('invalid_request', e.message ?? 'Bad request', { status });
  }
  // decodeURIComponent on a path, cookie or data: URL; JSON.parse on text the client sent.
  if (err instanceof URIError) return new PassportError('invalid_request', 'The request has malformed percent-encoding', { cause: err });
  if (err instanceof SyntaxError) return new PassportError('invalid_request', 'The request holds malformed JSON', { cause: err });
  return new PassportError('internal_error', 'The server could not complete the request', { cause: err });
}
