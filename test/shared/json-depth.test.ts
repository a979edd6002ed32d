import { describe, expect, it } from 'vitest';
import { assertJsonDepth, MAX_JSON_DEPTH } from '../../shared/json/index.ts';
import { decodeJwtParts } from '../../shared/jwt/index.ts';

const nested = (depth: number) => JSON.parse('{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1)) as unknown;

describe('assertJsonDepth', () => {
  it('accepts JSON up to the bound and scalars', () => {
    expect(() => assertJsonDepth(nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => assertJsonDepth('text')).not.toThrow();
    expect(() => assertJsonDepth(null)).not.toThrow();
  });

  it('refuses one level more, and 200,000 levels without overflowing its own stack', () => {
    expect(() => assertJsonDepth(nested(MAX_JSON_DEPTH + 1))).toThrow(expect.objectContaining({ code: 'invalid_request' }));
    expect(() => assertJsonDepth(JSON.parse('['.repeat(200_000) + ']'.repeat(200_000)))).toThrow(expect.objectContaining({ code: 'invalid_request' }));
  });
});

describe('decodeJwtParts', () => {
  it('refuses a payload nested deeper than the bound', () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64url');
    const jwt = `${b64('{"alg":"EdDSA"}')}.${b64(`{"vc":${'['.repeat(100)}${']'.repeat(100)}}`)}.c2ln`;
    expect(() => decodeJwtParts(jwt)).toThrow(expect.objectContaining({ code: 'invalid_request', message: expect.stringMatching(/nests/) }));
  });
});
