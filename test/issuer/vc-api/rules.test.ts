import { describe, expect, it } from 'vitest';
import { depthOf, readIssueRequest } from '../../../issuer/vc-api/request.ts';
import { parseDateTime } from '../../../issuer/vc-api/xsd-date.ts';
import { vcJwtInput } from '../../../issuer/vc-api/vc-jwt-input.ts';
import { codeOf } from '../../helpers/errors.ts';

describe('VC API issue rules', () => {
  it('reads XML Schema date-times with a time zone, and nothing else', () => {
    expect(parseDateTime('2026-05-02T10:00:00Z')?.toISOString()).toBe('2026-05-02T10:00:00.000Z');
    expect(parseDateTime('2026-05-02T15:00:00.5+05:00')?.toISOString()).toBe('2026-05-02T10:00:00.500Z');
    expect(parseDateTime('2024-02-29T00:00:00Z')).toBeDefined();
    for (const bad of ['2026-05-02T10:00:00', '2026-05-02', '2025-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-05-02T24:00:00Z', '0000-01-01T00:00:00Z', '+10000-01-01T00:00:00Z', '2026-05-02T10:00:00+15:00', 'May 2, 2026', 20260502]) {
      expect(parseDateTime(bad), String(bad)).toBeUndefined();
    }
  });

  it('measures nesting without recursion, stopping past the limit', () => {
    expect(depthOf({ a: { b: [1, { c: 2 }] } }, 32)).toBe(4);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(depthOf(deep, 32)).toBe(33);
  });

  it('chooses the data model by the first @context item', async () => {
    const credential = { type: ['VerifiableCredential'], issuer: 'did:web:x', credentialSubject: { id: 'did:key:z6Mk' } };
    expect(readIssueRequest({ credential: { ...credential, '@context': ['https://www.w3.org/ns/credentials/v2', { ex: 'https://example.com/#' }] } }).version).toBe('2.0');
    expect(readIssueRequest({ credential: { ...credential, '@context': 'https://www.w3.org/2018/credentials/v1' } }).version).toBe('1.1');
    expect(await codeOf(Promise.resolve().then(() => readIssueRequest({ credential: { ...credential, '@context': ['https://example.com/ctx'] } })))).toBe('invalid_request');
  });

  it('puts every member the VC 1.1 JWT encoding does not map inside the vc claim', () => {
    const input = vcJwtInput({ '@context': ['x'], type: ['VerifiableCredential'], issuer: 'did:web:x', credentialSubject: { id: 'did:key:a' }, description: 'd', credentialStatus: { id: 's' } });
    expect(input).toMatchObject({ issuer: 'did:web:x', sub: 'did:key:a', credentialSubject: { id: 'did:key:a' }, vc: { description: 'd', credentialStatus: { id: 's' } } });
    expect(Object.keys(input)).not.toContain('description');
  });
});
