import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * JSON logs on stdout. Fields that may carry secrets are redacted wherever they appear, as a
 * second line of defence behind the rule that secrets are never passed to the logger at all.
 */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({
    name: service,
    level,
    redact: {
      paths: ['apiKey', '*.apiKey', 'password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'privateKey', '*.privateKey', 'privateKeyHex', '*.privateKeyHex', 'iin', '*.iin', '*.*.iin'],
      censor: '[redacted]',
    },
  });
}
