import { Deadline } from '../../shared/async/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { GuardedFetch } from '../../shared/net/index.ts';
import type { Challenge, Policy } from '../checks/index.ts';
import { readPresentation } from '../credentials/read-presentation.ts';
import type { CheckContext } from '../checks/index.ts';
import { newCheckContext, type VerificationSources } from '../sources/context.ts';
import { mergeResults } from './merge.ts';
import { withRegistryTrust } from './registry-trust.ts';
import type { VerificationResult } from './report.ts';
import { fetchSharedPresentation } from './share-link.ts';
import { verifyCredentialAlone } from './verify-credential-alone.ts';
import { kindOf, verifyJwt } from './verify-jwt.ts';
import { verifyPresentation } from './verify-presentation.ts';
import { withIdentity } from './with-identity.ts';
import { withPolicy } from './with-policy.ts';
import { verifyIdentity, type IdentityExpectation } from './verify-identity.ts';

const SHARE_LINK_CHALLENGE = 'A share link is not an answer to a challenge of this verifier: it carries no nonce or audience';
const HANDED_OVER_CHALLENGE = 'Handed over directly, not as an answer to a request of this verifier: no nonce or audience was asked for';

/**
 * The verification service the routes and pages share. Each call is one verification with its
 * own clock reading, over the cached sources.
 */
export interface Verifier {
  /** A credential or presentation JWT as handed over (`POST /v1/verify`). */
  verifyJwt(jwt: string): Promise<VerificationResult>;
  /** The presentation behind a volunteer's share link. */
  verifyShareLink(url: string): Promise<VerificationResult>;
  /** A credential, refusing anything else (`POST /credentials/verify`); the registry's trust decides for volunteer credentials only. */
  verifyCredential(jwt: string): Promise<VerificationResult>;
  /** A presentation against an optional challenge (`POST /presentations/verify`), the registry's trust read as for a credential. */
  verifyPresentation(jwt: string, challenge?: Challenge): Promise<VerificationResult>;
  /**
   * An OpenID4VP answer: every presentation of the vp_token, the request's challenge and policy,
   * and, when the request asked for the volunteer's identity, the SD-JWT VC that answers it.
   */
  verifyAnswer(jwts: string[], challenge: Challenge, policy: Policy | undefined, identity?: IdentityAnswer): Promise<VerificationResult>;
}

/** The identity part of an answer: what it presented for the identity query, and what was asked. */
export interface IdentityAnswer {
  presented: string[] | undefined;
  expected: IdentityExpectation;
}

export function createVerifier(sources: VerificationSources, fetch: GuardedFetch): Verifier {
  const expect = (jwt: string, kind: 'credential' | 'presentation', field: string) => {
    if (kindOf(jwt) !== kind) throw new PassportError('invalid_request', `${field} is not a verifiable ${kind}`, { field });
  };
  /** One verification: one clock reading, one deadline for everything it fetches. */
  const within = async <T>(verify: (ctx: CheckContext, deadline: Deadline) => Promise<T>): Promise<T> => {
    const deadline = new Deadline(sources.deadlineMs);
    try {
      return await verify(newCheckContext(sources, deadline), deadline);
    } finally {
      deadline.clear();
    }
  };
  return {
    verifyJwt: (jwt) => within((ctx) => verifyJwt(jwt, ctx, { notAskedWhy: HANDED_OVER_CHALLENGE })),
    verifyShareLink: (url) =>
      within(async (ctx, deadline) => {
        const jwt = await deadline.race(fetchSharedPresentation(url, fetch), 'The shared presentation');
        expect(jwt, 'presentation', 'url');
        return verifyPresentation(readPresentation(jwt), ctx, { notAskedWhy: SHARE_LINK_CHALLENGE });
      }),
    async verifyCredential(jwt) {
      expect(jwt, 'credential', 'verifiableCredential');
      return within(async (ctx) => withRegistryTrust(await verifyCredentialAlone(jwt, ctx)));
    },
    async verifyPresentation(jwt, challenge) {
      expect(jwt, 'presentation', 'verifiablePresentation');
      return within(async (ctx) =>
        withRegistryTrust(await verifyPresentation(readPresentation(jwt), ctx, { ...(challenge ? { challenge } : {}), notAskedWhy: HANDED_OVER_CHALLENGE })),
      );
    },
    async verifyAnswer(jwts, challenge, policy, identity) {
      jwts.forEach((jwt, i) => expect(jwt, 'presentation', `vp_token.volunteer_activity[${i}]`));
      return within(async (ctx) => {
        const results = await Promise.all(jwts.map((jwt) => verifyPresentation(readPresentation(jwt), ctx, { challenge })));
        const answer = withPolicy(mergeResults(results), policy);
        if (!identity) return answer;
        return withIdentity(answer, await verifyIdentity(identity.presented, ctx, challenge, answer.holder?.did, identity.expected));
      });
    },
  };
}
