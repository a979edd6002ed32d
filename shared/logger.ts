import { pino, stdSerializers, type Logger } from 'pino';
import { redactSecrets } from './redact.ts';

export type { Logger } from 'pino';

/**
 * JSON logs on stdout. Fields that may carry secrets are redacted wherever they appear, as a
 * second line of defence behind the rule that secrets are never passed to the logger at all; the
 * message, errors (message, stack, causes) and `path`/`url` fields go through `redactSecrets`, so a
 * share link or offer token inside a failed fetch's URL never reaches the log.
 */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({
    name: service,
    level,
    redact: {
      paths: ['apiKey', '*.apiKey', 'password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'privateKey', '*.privateKey', 'privateKeyHex', '*.privateKeyHex', 'iin', '*.iin', '*.*.iin'],
      censor: '[redacted]',
    },
    serializers: {
      msg: (msg: unknown) => (typeof msg === 'string' ? redactSecrets(msg) : msg),
      err: redactedError,
      path: redactedText,
      url: redactedText,
    },
  });
}

function redactedText(value: unknown): unknown {
  return typeof value === 'string' ? redactSecrets(value) : value;
}

/** pino's error serializer (message and stack include the causes), with every string redacted. */
function redactedError(err: unknown): unknown {
  const serialized = stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (serialized === err || serialized === null || typeof serialized !== 'object') return redactedText(err);
  // A body parser's error carries the raw request body; it has no place in a log.
  delete serialized.body;
  for (const [key, value] of Object.entries(serialized)) serialized[key] = redactedText(value);
  return serialized;
}
