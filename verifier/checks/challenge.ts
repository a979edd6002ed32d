import type { PresentationUnderTest } from '../credentials/read-presentation.ts';
import { CHALLENGE } from './ids.ts';
import { failed, notApplicable, passed, type Check } from './outcome.ts';

/** What the verifier asked for: the request's nonce and the audience (client_id or VC API domain). */
export interface Challenge {
  nonce?: string;
  audience?: string;
}

/**
 * The presentation answers this verifier's challenge: it carries the nonce that was asked for and
 * is addressed to this verifier, so a presentation captured elsewhere cannot be replayed here.
 * Single use is kept by the request itself: a request takes one answer only.
 */
export function checkChallenge(p: PresentationUnderTest, expected: Challenge | undefined, notAskedWhy: string): Check {
  if (!expected || (expected.nonce === undefined && expected.audience === undefined)) return notApplicable(CHALLENGE, notAskedWhy);
  if (expected.nonce !== undefined && p.nonce !== expected.nonce) {
    return failed(CHALLENGE, p.nonce ? 'nonce_mismatch' : 'nonce_missing', p.nonce ? 'The presentation answers another challenge (its nonce differs)' : 'The presentation carries no nonce');
  }
  if (expected.audience !== undefined && !p.audiences.includes(expected.audience)) {
    return failed(CHALLENGE, 'audience_mismatch', `The presentation is addressed to ${p.audiences.join(', ') || 'no one'}, not to ${expected.audience}`);
  }
  return passed(CHALLENGE, 'The presentation answers this request: nonce and audience match');
}
