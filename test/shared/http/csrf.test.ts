import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieCsrfGuard, listen, loginCsrfGuard, problemHandler, type RunningServer } from '../../../shared/http/index.ts';

const PUBLIC_URL = 'https://wallet.example.kz';
let server: RunningServer;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(cookieCsrfGuard({ cookieName: 'session', publicUrl: PUBLIC_URL }));
  app.post('/v1/sessions', loginCsrfGuard({ publicUrl: PUBLIC_URL }), (_req, res) => void res.json({ ok: true }));
  app.all('/v1/write', (_req, res) => void res.json({ ok: true }));
  app.use(problemHandler(pino({ level: 'silent' })));
  server = await listen(app, 0, '127.0.0.1');
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server?.close();
});

async function send(path: string, method: string, headers: Record<string, string>, body = '{}'): Promise<{ status: number; code?: string }> {
  const res = await fetch(base + path, { method, headers, body: method === 'GET' ? undefined : body });
  const parsed = (await res.json()) as { code?: string };
  return { status: res.status, code: parsed.code };
}

const json = { 'content-type': 'application/json' };
const cookie = { cookie: 'lang=kk; session=abc' };

describe('cookieCsrfGuard', () => {
  it.each([
    ['own Origin', { ...json, ...cookie, origin: PUBLIC_URL }],
    ['Sec-Fetch-Site same-origin (Origin null under no-referrer)', { ...json, ...cookie, origin: 'null', 'sec-fetch-site': 'same-origin' }],
    ['own Referer without Origin', { ...json, ...cookie, referer: `${PUBLIC_URL}/share` }],
    ['the loopback Host it was sent to', { ...json, ...cookie, origin: 'http://127.0.0.1:PORT' }],
    ['a bearer token (no browser adds one cross-site)', { 'content-type': 'text/plain', ...cookie, authorization: 'Bearer x', origin: 'https://evil.example' }],
    ['no session cookie at all', { ...json, cookie: 'lang=kk', origin: 'https://evil.example' }],
    ['an .xlsx upload from its own page', { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ...cookie, origin: PUBLIC_URL }],
  ])('lets a write through with %s', async (_name, headers) => {
    const fixed = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('PORT', String(server.port))]));
    expect(await send('/v1/write', 'POST', fixed)).toEqual({ status: 200, code: undefined });
  });

  it.each([
    ['another Origin', { ...json, ...cookie, origin: 'https://evil.example' }],
    ['Sec-Fetch-Site cross-site', { ...json, ...cookie, 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site same-site (a sibling subdomain)', { ...json, ...cookie, 'sec-fetch-site': 'same-site', origin: PUBLIC_URL }],
    ['Origin null alone', { ...json, ...cookie, origin: 'null' }],
    ['a foreign Referer', { ...json, ...cookie, referer: 'https://evil.example/page' }],
    ['no Origin, Referer or Sec-Fetch-Site', { ...json, ...cookie }],
    ['a form body from its own origin', { 'content-type': 'application/x-www-form-urlencoded', ...cookie, origin: PUBLIC_URL }],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=x', ...cookie, origin: PUBLIC_URL }],
    ['text/plain', { 'content-type': 'text/plain;charset=UTF-8', ...cookie, origin: PUBLIC_URL }],
    ['a Host that only looks local', { ...json, ...cookie, origin: 'http://localhost.evil.example' }],
  ])('refuses a cookie write with %s', async (_name, headers) => {
    expect(await send('/v1/write', 'DELETE', headers)).toEqual({ status: 403, code: 'csrf' });
  });

  it('leaves reads alone', async () => {
    expect((await send('/v1/write', 'GET', { ...cookie, origin: 'https://evil.example' })).status).toBe(200);
  });
});

describe('loginCsrfGuard', () => {
  it('takes JSON from API clients and from its own pages', async () => {
    expect((await send('/v1/sessions', 'POST', json)).status).toBe(200);
    expect((await send('/v1/sessions', 'POST', { ...json, origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('refuses what a cross-site form sends, and any page of another origin', async () => {
    expect(await send('/v1/sessions', 'POST', { 'content-type': 'application/x-www-form-urlencoded' }, 'login=a&password=b')).toEqual({ status: 403, code: 'csrf' });
    expect(await send('/v1/sessions', 'POST', { ...json, origin: 'https://evil.example' })).toEqual({ status: 403, code: 'csrf' });
    expect(await send('/v1/sessions', 'POST', { ...json, 'sec-fetch-site': 'cross-site' })).toEqual({ status: 403, code: 'csrf' });
    expect(await send('/v1/sessions', 'POST', { 'content-type': 'application/xml' })).toEqual({ status: 415, code: 'unsupported_media_type' });
  });
});
