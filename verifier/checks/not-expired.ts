import { NOT_EXPIRED } from './ids.ts';
import { failed, passed, type Check } from './outcome.ts';

export interface ValidityWindow {
  notBefore: Date | undefined;
  expiresAt: Date | undefined;
}

/**
 * `now` lies inside the validity window (exp, nbf, expirationDate, validUntil, validFrom), widened
 * on both sides by the stated clock skew so that clocks a little apart do not flip the verdict.
 */
export function checkNotExpired(window: ValidityWindow, now: Date, skewSeconds: number, what = 'The credential'): Check {
  const skew = skewSeconds * 1000;
  if (window.expiresAt && now.getTime() > window.expiresAt.getTime() + skew) {
    return failed(NOT_EXPIRED, 'expired', `${what} expired at ${window.expiresAt.toISOString()}`, { expiresAt: window.expiresAt.toISOString() });
  }
  if (window.notBefore && now.getTime() < window.notBefore.getTime() - skew) {
    return failed(NOT_EXPIRED, 'not_yet_valid', `${what} is not valid before ${window.notBefore.toISOString()}`, { notBefore: window.notBefore.toISOString() });
  }
  const until = window.expiresAt ? `until ${window.expiresAt.toISOString()}` : 'with no expiry';
  return passed(NOT_EXPIRED, `${what} is valid ${until} (clock skew allowed: ${skewSeconds} s)`);
}
