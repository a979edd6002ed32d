import { createHash, verify } from 'node:crypto';
import { KBJwt } from '@sd-jwt/core';
import { ed25519PublicKeyObject } from '../../shared/crypto/index.ts';
import { holderKeyOf, KB_JWT_TYP, type SdJwtUnderTest } from '../../shared/sd-jwt-vc/index.ts';
import type { Challenge } from './challenge.ts';
import type { CheckContext } from './context.ts';
import { CHALLENGE, HOLDER_BINDING } from './ids.ts';
import { failed, passed, type Check } from './outcome.ts';

/** How old a Key Binding JWT may be: it is made when the volunteer answers. */
const KB_MAX_AGE_SECONDS = 300;

export interface KeyBindingFinding {
  holderBinding: Check;
  challenge: Check;
  /** The did:key of the holder key named by `cnf`, when there is one. */
  holderDid: string | undefined;
}

/**
 * The Key Binding JWT that ends an SD-JWT VC presentation (RFC 9901, section 4.3): signed by the
 * key the credential is bound to (`cnf.jwk`), over exactly the disclosures presented (`sd_hash`),
 * for this verifier's nonce and client_id, made now. The SD-JWT library reads it and checks its
 * form and signature; whose key it is, what it covers and what it answers are checks of their
 * own. `presenterDid`: the key that signed the answer's other presentations, which must be the same.
 */
export async function checkKeyBinding(sd: SdJwtUnderTest, expected: Challenge, presenterDid: string | undefined, ctx: CheckContext): Promise<KeyBindingFinding> {
  const key = holderKeyOf(sd.payload.cnf);
  if (!sd.kbJwt) {
    return {
      holderBinding: failed(HOLDER_BINDING, 'key_binding_missing', 'The SD-JWT VC carries no Key Binding JWT: anyone holding it could show it'),
      challenge: failed(CHALLENGE, 'nonce_missing', 'No Key Binding JWT carries a nonce'),
      holderDid: key?.did,
    };
  }
  let kb: KBJwt;
  try {
    kb = KBJwt.fromKBEncode(sd.kbJwt);
    if (!key) throw new Error('the credential names no Ed25519 key in cnf');
    const holderKey = ed25519PublicKeyObject(key.publicKey);
    // The nonce is the challenge check's to judge, with its own code; the library is given the JWT's own.
    await kb.verifyKB({
      verifier: (data, signature) => verify(null, Buffer.from(data, 'utf8'), holderKey, Buffer.from(signature, 'base64url')),
      payload: sd.payload,
      nonce: String(kb.payload?.nonce),
    });
    if (kb.header?.alg !== 'EdDSA' || kb.header?.typ !== KB_JWT_TYP) throw new Error(`the Key Binding JWT must be typ ${KB_JWT_TYP}, alg EdDSA`);
  } catch (err) {
    return {
      holderBinding: failed(HOLDER_BINDING, 'key_binding_invalid', `The Key Binding JWT does not verify with the credential's key: ${(err as Error).message}`),
      challenge: failed(CHALLENGE, 'nonce_mismatch', 'The answer to this request cannot be read from a Key Binding JWT that does not verify'),
      holderDid: key?.did,
    };
  }
  const payload = kb.payload!;
  return { holderBinding: holderCheck(sd, payload.sd_hash, key!.did, presenterDid), challenge: challengeCheck(payload, expected, ctx), holderDid: key!.did };
}

function holderCheck(sd: SdJwtUnderTest, sdHash: unknown, holderDid: string, presenterDid: string | undefined): Check {
  // The holder signs the presentation as made: other disclosures (more, fewer, changed) are another presentation.
  const expected = createHash('sha256').update(sd.withoutKb, 'ascii').digest('base64url');
  if (sdHash !== expected) return failed(HOLDER_BINDING, 'sd_hash_mismatch', "The Key Binding JWT's sd_hash does not cover the disclosures presented");
  if (presenterDid && presenterDid !== holderDid) {
    return failed(HOLDER_BINDING, 'identity_other_holder', `The SD-JWT VC is bound to ${holderDid}, the activities are presented by ${presenterDid}`);
  }
  return passed(HOLDER_BINDING, `Presented by the holder of its key ${holderDid}, who signed exactly these disclosures for this verifier`);
}

function challengeCheck(payload: Record<string, unknown>, expected: Challenge, ctx: CheckContext): Check {
  if (expected.nonce !== undefined && payload.nonce !== expected.nonce) return failed(CHALLENGE, 'nonce_mismatch', "The Key Binding JWT answers another request (its nonce differs)");
  if (expected.audience !== undefined && payload.aud !== expected.audience) {
    return failed(CHALLENGE, 'audience_mismatch', `The Key Binding JWT is addressed to ${String(payload.aud)}, not to ${expected.audience}`);
  }
  const age = ctx.now.getTime() / 1000 - Number(payload.iat);
  if (!(age <= KB_MAX_AGE_SECONDS + ctx.clockSkewSeconds && age >= -ctx.clockSkewSeconds)) {
    return failed(CHALLENGE, 'key_binding_stale', `The Key Binding JWT was made at ${new Date(Number(payload.iat) * 1000).toISOString()}, not when answering`);
  }
  return passed(CHALLENGE, 'The Key Binding JWT answers this request: nonce and audience match, made just now');
}
