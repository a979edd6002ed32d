import type { ServerResponse } from 'node:http';

/**
 * Answers 200 with `value` as JSON, without `res.json`'s ETag: a hash of every body that only a
 * conditional GET could use, spent on each answer of a POST like `/v1/verify` that no client
 * revalidates. Headers set earlier (security headers, rate-limit fields) are kept.
 */
export function sendJson(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  res.statusCode = 200;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}
