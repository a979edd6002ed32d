import { PassportError } from '../../shared/errors.ts';
import { decodeJwtParts, verifyDidJwt } from '../../shared/jwt/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { PROOF_IAT_SKEW_SECONDS, PROOF_TYP } from './constants.ts';

export interface VerifiedProof {
  /** The holder's did:key: the credential's subject. */
  holderDid: string;
  nonce: string;
}

/**
 * Checks a `jwt` proof of possession (OpenID4VCI 1.0, appendix F.1): typed
 * `openid4vci-proof+jwt`, signed by the did:key its `kid` names, addressed to this issuer, fresh,
 * and carrying a nonce (consumed later, in the issuing transaction). Each rule answers its own
 * `invalid_proof` so a wallet developer sees which one failed.
 */
export async function verifyProofJwt(deps: Pick<IssuerDeps, 'dids' | 'config'>, jwt: unknown, now: Date): Promise<VerifiedProof> {
  if (typeof jwt !== 'string') throw invalid('The proof JWT must be a string');
  let decoded;
  try {
    decoded = decodeJwtParts(jwt);
  } catch {
    throw invalid('The proof is not a compact JWT');
  }
  const { header, payload } = decoded;
  if (header.typ !== PROOF_TYP) throw invalid(`The proof's typ must be ${PROOF_TYP}`);
  if (typeof header.kid !== 'string' || !/^did:key:[^#]+#.+$/.test(header.kid)) {
    throw invalid('The proof must name its key as a did:key URL in kid (jwk and x5c are not supported)');
  }
  if (header.jwk !== undefined || header.x5c !== undefined) throw invalid('The proof must carry exactly one of kid, jwk, x5c: here kid');
  let holderDid: string;
  try {
    holderDid = (await verifyDidJwt(jwt, { dids: deps.dids, relationship: 'authentication' })).did;
  } catch (cause) {
    throw invalid(`The proof's signature does not verify: ${(cause as Error).message}`);
  }
  const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!aud.includes(deps.config.issuerUrl)) throw invalid(`The proof's aud must be the credential issuer ${deps.config.issuerUrl}`);
  if (typeof payload.iat !== 'number') throw invalid('The proof needs iat');
  if (Math.abs(payload.iat - now.getTime() / 1000) > PROOF_IAT_SKEW_SECONDS) {
    throw invalid(`The proof's iat is more than ${PROOF_IAT_SKEW_SECONDS / 60} minutes away from the issuer's clock`);
  }
  if (typeof payload.nonce !== 'string' || !payload.nonce) {
    throw new PassportError('invalid_nonce', 'The proof needs the c_nonce from the nonce endpoint', { field: 'proof.nonce' });
  }
  return { holderDid, nonce: payload.nonce };
}

function invalid(detail: string): PassportError {
  return new PassportError('invalid_proof', detail, { field: 'proof' });
}
