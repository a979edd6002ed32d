import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../shared/redact.ts';

describe('redactSecrets', () => {
  it.each([
    ['a share link', 'Fetching http://w.kz:4200/p/0YbLTMfqiniUZpUnNpdqxkKBqFnZrzPc failed', 'Fetching http://w.kz:4200/p/[redacted] failed'],
    ['an offer with a query', 'https://i.kz/oid4vci/offers/0YbLTMfqiniUZpUnNpdqxkKB?code=abc', 'https://i.kz/oid4vci/offers/[redacted]?[redacted]'],
    ['an offer link by reference', 'openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fi.kz%2Fo%2Fx', 'openid-credential-offer://?[redacted]'],
    ['a request id (UUID) in a path', 'GET /v1/requests/7f0e1c2a-9b3d-4e5f-8a6b-0c1d2e3f4a5b', 'GET /v1/requests/[redacted]'],
    ['a path with a query only', '/verify?presentation=http%3A%2F%2Fw%2Fp%2Fabc', '/verify?[redacted]'],
  ])('takes the secret out of %s', (_what, text, redacted) => {
    expect(redactSecrets(text)).toBe(redacted);
  });

  it.each([
    'The status list at https://i.kz/status/eco-qyran/1 answered 503',
    'did:web:localhost%3A4100:orgs:eco-qyran',
    'at fail (/work/shared/net/guarded-fetch.ts:126:51)',
    'No route for GET /schemas/volunteer-activity/v1.json',
    'Is it there?',
  ])('leaves words and route names alone: %s', (text) => {
    expect(redactSecrets(text)).toBe(text);
  });
});

