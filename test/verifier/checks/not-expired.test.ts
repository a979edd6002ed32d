import { describe, expect, it } from 'vitest';
import { checkNotExpired } from '../../../verifier/checks/index.ts';

const NOW = new Date('2026-05-02T10:00:00Z');
const at = (offsetSeconds: number) => new Date(NOW.getTime() + offsetSeconds * 1000);

describe('checkNotExpired', () => {
  it('holds inside the window and with no window at all', () => {
    expect(checkNotExpired({ notBefore: at(-10), expiresAt: at(10) }, NOW, 60).outcome).toBe('passed');
    expect(checkNotExpired({ notBefore: undefined, expiresAt: undefined }, NOW, 60).outcome).toBe('passed');
  });

  it('fails past expiry beyond the skew, and tolerates clocks within it', () => {
    expect(checkNotExpired({ notBefore: undefined, expiresAt: at(-61) }, NOW, 60).error?.code).toBe('expired');
    expect(checkNotExpired({ notBefore: undefined, expiresAt: at(-59) }, NOW, 60).valid).toBe(true);
    expect(checkNotExpired({ notBefore: undefined, expiresAt: at(-1) }, NOW, 0).error?.code).toBe('expired');
  });

  it('fails before not-before beyond the skew', () => {
    expect(checkNotExpired({ notBefore: at(61), expiresAt: undefined }, NOW, 60).error?.code).toBe('not_yet_valid');
    expect(checkNotExpired({ notBefore: at(59), expiresAt: undefined }, NOW, 60).valid).toBe(true);
  });
});
