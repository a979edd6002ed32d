/**
 * One error class with a stable machine `code`. Code throws these inside; the single Express
 * error handler (`http/problem.ts`) turns them into RFC 9457 problem details at the edge.
 *
 * @example
 * throw new PassportError('invalid_request', 'activity.hours must be greater than 0', { field: 'activity.hours' });
 */
export type ErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'rate_limited'
  | 'busy'
  | 'upstream_unavailable'
  | 'internal_error'
  // OAuth 2.0 / OpenID4VCI / OpenID4VP error codes, answered in their own body shape by those routes.
  | 'invalid_grant'
  | 'invalid_token'
  | 'invalid_proof'
  | 'invalid_nonce'
  | 'invalid_credential_request'
  | 'unsupported_credential_format'
  | 'unsupported_grant_type'
  | 'unknown_credential_configuration'
  | 'credential_request_denied'
  | 'invalid_transaction_id'
  | 'fetch_refused'
  | 'fetch_failed';

const STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  busy: 503,
  upstream_unavailable: 502,
  internal_error: 500,
  invalid_grant: 400,
  invalid_token: 401,
  invalid_proof: 400,
  invalid_nonce: 400,
  invalid_credential_request: 400,
  unsupported_credential_format: 400,
  unsupported_grant_type: 400,
  unknown_credential_configuration: 400,
  credential_request_denied: 403,
  invalid_transaction_id: 400,
  fetch_refused: 400,
  fetch_failed: 502,
};

const TITLE: Record<ErrorCode, string> = {
  invalid_request: 'Invalid request',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  csrf: 'Cross-site request refused',
  not_found: 'Not found',
  conflict: 'Conflict',
  gone: 'Gone',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  unprocessable: 'Unprocessable content',
  rate_limited: 'Too many requests',
  busy: 'Busy',
  upstream_unavailable: 'Upstream unavailable',
  internal_error: 'Internal server error',
  invalid_grant: 'Invalid grant',
  invalid_token: 'Invalid token',
  invalid_proof: 'Invalid proof',
  invalid_nonce: 'Invalid nonce',
  invalid_credential_request: 'Invalid credential request',
  unsupported_credential_format: 'Unsupported credential format',
  unsupported_grant_type: 'Unsupported grant type',
  unknown_credential_configuration: 'Unknown credential configuration',
  credential_request_denied: 'Credential request denied',
  invalid_transaction_id: 'Invalid transaction id',
  fetch_refused: 'Fetch refused',
  fetch_failed: 'Fetch failed',
};

export interface ErrorOptions {
  /** The input field at fault, as a dotted path (`activity.hours`, `rows[3].region`). */
  field?: string;
  /** Overrides the status that the code implies. */
  status?: number;
  /** Extra members for the problem details body (RFC 9457 extension members). */
  extra?: Record<string, unknown>;
  cause?: unknown;
}

export class PassportError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly title: string;
  readonly field: string | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, detail: string, options: ErrorOptions = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PassportError';
    this.code = code;
    this.status = options.status ?? STATUS[code];
    this.title = TITLE[code];
    this.field = options.field;
    this.extra = options.extra;
  }

  get detail(): string {
    return this.message;
  }
}

export function isPassportError(err: unknown): err is PassportError {
  return err instanceof PassportError;
}
