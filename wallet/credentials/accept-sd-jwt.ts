import { isDeepStrictEqual } from 'node:util';
import type { DidResolver } from '../../shared/did/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { verifyDidJwt } from '../../shared/jwt/index.ts';
import { DISCLOSABLE_CLAIMS, holderKeyOf, readSdJwt, SD_ALG, SD_JWT_VC_FORMAT, type DisclosableClaim, type SdJwtUnderTest } from '../../shared/sd-jwt-vc/index.ts';
import type { DecodedCredential } from './decode.ts';

/**
 * The checks an SD-JWT VC passes before it is kept with the VC-JWT of the same activity: it reads
 * as an SD-JWT (the SD-JWT library), with every disclosure named by a signed digest; it is of the
 * type the issuer's metadata named; the same issuer signed it; it is bound to this volunteer's key;
 * and it records the same activity and name as the VC-JWT. Answers the text and the claims it can
 * disclose. The first rule that fails throws `unprocessable` naming it (`extra.rejection`).
 */
export async function acceptSdJwtVc(
  text: string,
  companion: DecodedCredential,
  holderDid: string,
  expectedVct: string | undefined,
  deps: { dids: DidResolver },
): Promise<{ text: string; claims: DisclosableClaim[] }> {
  const sd = await readOrReject(text);
  isIssuedSdJwtVc(sd, expectedVct);
  await isSignedBy(sd, companion.issuerDid, deps.dids);
  isBoundTo(sd, holderDid);
  recordsTheSameActivity(sd, companion);
  return { text: text.trim(), claims: DISCLOSABLE_CLAIMS.filter((c) => sd.disclosed.includes(c)) };
}

async function readOrReject(text: string): Promise<SdJwtUnderTest> {
  try {
    return await readSdJwt(text);
  } catch (err) {
    throw reject('invalid_format', err instanceof PassportError ? err.detail : 'Not an SD-JWT VC');
  }
}

function isIssuedSdJwtVc(sd: SdJwtUnderTest, expectedVct: string | undefined): void {
  if (sd.header.typ !== SD_JWT_VC_FORMAT) throw reject('invalid_format', `The SD-JWT's typ is ${String(sd.header.typ)}, not ${SD_JWT_VC_FORMAT}`);
  if (sd.payload._sd_alg !== SD_ALG) throw reject('invalid_format', `The SD-JWT's digests are not ${SD_ALG}`);
  if (sd.problems.length) throw reject('invalid_format', sd.problems.join('; '));
  // An issued credential carries every disclosure and no key binding: that is the holder's to add.
  if (sd.kbJwt) throw reject('invalid_format', 'An issued SD-JWT VC carries no Key Binding JWT');
  if (expectedVct !== undefined && sd.payload.vct !== expectedVct) throw reject('wrong_type', `The SD-JWT VC is of type ${String(sd.payload.vct)}, not ${expectedVct}`);
}

async function isSignedBy(sd: SdJwtUnderTest, issuerDid: string, dids: DidResolver): Promise<void> {
  if (sd.payload.iss !== issuerDid) throw reject('bad_signature', `The SD-JWT VC names issuer ${String(sd.payload.iss)}, not ${issuerDid}`);
  try {
    await verifyDidJwt(sd.issuerJwt, { dids, relationship: 'assertionMethod', expectedDid: issuerDid });
  } catch (err) {
    throw reject('bad_signature', err instanceof PassportError ? err.detail : 'The signature does not verify');
  }
}

function isBoundTo(sd: SdJwtUnderTest, holderDid: string): void {
  // Bound to another key, it could be presented by someone else, never by this volunteer.
  if (holderKeyOf(sd.payload.cnf)?.did !== holderDid) throw reject('not_subject', "The SD-JWT VC is not bound to this passport's key (cnf.jwk)");
}

function recordsTheSameActivity(sd: SdJwtUnderTest, companion: DecodedCredential): void {
  const subject = companion.credential.credentialSubject;
  if (!isDeepStrictEqual(sd.claims.activity, subject.activity)) throw reject('schema', 'The SD-JWT VC records another activity than the VC-JWT of the same offer');
  if (sd.claims.name !== subject.name) throw reject('schema', 'The SD-JWT VC names the volunteer differently from the VC-JWT of the same offer');
}

function reject(rejection: string, detail: string): PassportError {
  return new PassportError('unprocessable', `The SD-JWT VC was not kept: ${detail}`, { extra: { rejection } });
}
