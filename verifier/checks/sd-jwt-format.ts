import { holderKeyOf, SD_ALG, SD_JWT_VC_FORMAT, type SdJwtUnderTest } from '../../shared/sd-jwt-vc/index.ts';
import { didOf } from '../credentials/claims.ts';
import { FORMAT } from './ids.ts';
import { failed, passed, type Check } from './outcome.ts';

type Rule = (sd: SdJwtUnderTest, vct: string) => string | undefined;

const rules: Rule[] = [
  function typedAsSdJwtVc(sd) {
    return sd.header.typ === SD_JWT_VC_FORMAT ? undefined : `typ ${String(sd.header.typ)} is not ${SD_JWT_VC_FORMAT}`;
  },
  function signedWithAnAlgorithm(sd) {
    return typeof sd.header.alg === 'string' && sd.header.alg !== 'none' ? undefined : 'the issuer-signed JWT is not signed (alg is missing or "none")';
  },
  function digestsOfKnownAlgorithm(sd) {
    // RFC 9901, section 4.1.1: sha-256 when _sd_alg is absent.
    return sd.payload._sd_alg === undefined || sd.payload._sd_alg === SD_ALG ? undefined : `_sd_alg ${String(sd.payload._sd_alg)} is not ${SD_ALG}`;
  },
  function ofTheAskedType(sd, vct) {
    return sd.payload.vct === vct ? undefined : `vct ${String(sd.payload.vct)} is not the asked ${vct}`;
  },
  function namesIssuerDid(sd) {
    return didOf(sd.payload.iss) ? undefined : 'the issuer (iss) is not a DID';
  },
  function boundToAKey(sd) {
    return holderKeyOf(sd.payload.cnf) ? undefined : 'cnf names no Ed25519 public key (jwk) of the holder';
  },
];

/**
 * The SD-JWT VC is well formed: typed `dc+sd-jwt`, signed, of the asked type, issued by a DID,
 * bound to a holder key, and every disclosure is one the issuer signed a digest of. A disclosure
 * whose digest the issuer never signed is a changed value (`disclosure_not_signed`).
 */
export function checkSdJwtFormat(sd: SdJwtUnderTest, vct: string): Check {
  const problems = [...rules.map((rule) => rule(sd, vct)).filter((p): p is string => Boolean(p)), ...sd.problems];
  if (!problems.length) return passed(FORMAT, 'A well-formed SD-JWT VC whose every disclosure the issuer signed');
  return failed(FORMAT, sd.problems.length ? 'disclosure_not_signed' : 'malformed_credential', problems.join('; '));
}
