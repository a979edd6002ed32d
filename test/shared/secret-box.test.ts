import { describe, expect, it } from 'vitest';
import { createSecretBox, hashToken, newToken, safeEqual } from '../../shared/crypto/index.ts';

describe('createSecretBox', () => {
  const secret = 'a-test-master-secret-of-enough-length';

  it('seals and opens, with a fresh IV each time', () => {
    const box = createSecretBox(secret, 'agent-keys');
    const plain = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    const a = box.seal(plain);
    const b = box.seal(plain);
    expect(a).not.toBe(b);
    expect(a).not.toContain(plain.toString('hex'));
    expect(box.open(a)).toEqual(plain);
  });

  it('refuses another master secret, another purpose and tampering', () => {
    const sealed = createSecretBox(secret, 'agent-keys').seal(Buffer.from('key material'));
    expect(() => createSecretBox(`${secret}x`, 'agent-keys').open(sealed)).toThrow(/could not be opened/);
    expect(() => createSecretBox(secret, 'holder-keys').open(sealed)).toThrow(/could not be opened/);
    const parts = sealed.split('.');
    parts[2] = Buffer.from('tampered!!!!').toString('base64url');
    expect(() => createSecretBox(secret, 'agent-keys').open(parts.join('.'))).toThrow(/could not be opened/);
  });

  it('refuses a short master secret', () => {
    expect(() => createSecretBox('short', 'x')).toThrow(/at least 16/);
  });
});

describe('tokens', () => {
  it('are random, prefixed, and stored as a hash that does not contain them', () => {
    const token = newToken('vp_org');
    expect(token).toMatch(/^vp_org_[A-Za-z0-9_-]{43}$/);
    expect(newToken('vp_org')).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token.slice(7));
    expect(safeEqual(token, token)).toBe(true);
    expect(safeEqual(token, `${token}x`)).toBe(false);
  });
});
