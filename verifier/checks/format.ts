import { VC_V1_CONTEXT, VC_V2_CONTEXT } from '../../shared/credential/index.ts';
import type { CredentialUnderTest } from '../credentials/read-credential.ts';
import type { PresentationUnderTest } from '../credentials/read-presentation.ts';
import { types } from '../credentials/claims.ts';
import { FORMAT } from './ids.ts';
import { failed, passed, type Check } from './outcome.ts';

type Rule<T> = (subject: T) => string | undefined;

/** More credentials than any passport shows at once; each may make the verifier fetch lists and documents. */
export const MAX_PRESENTED_CREDENTIALS = 100;

const CREDENTIAL_TYP = [undefined, 'JWT', 'vc+jwt', 'application/vc+jwt'];
const PRESENTATION_TYP = [undefined, 'JWT', 'vp+jwt', 'application/vp+jwt'];

function signedWithAnAlgorithm(c: { header: { alg?: unknown } }): string | undefined {
  // An unsecured JWT (alg "none") proves nothing about who made it.
  return typeof c.header.alg === 'string' && c.header.alg !== 'none' ? undefined : 'the JWT is not signed (alg is missing or "none")';
}

const credentialRules: Rule<CredentialUnderTest>[] = [
  signedWithAnAlgorithm,
  function knownTyp(c) {
    return CREDENTIAL_TYP.includes(c.header.typ) ? undefined : `typ ${String(c.header.typ)} is not a credential JWT`;
  },
  function isVerifiableCredential(c) {
    return types(c.credential.type).includes('VerifiableCredential') ? undefined : 'type does not include VerifiableCredential';
  },
  function baseContextFirst(c) {
    // VC-JOSE-COSE secures the 2.0 data model only; the 1.1 JWT encoding may carry either.
    const first = Array.isArray(c.credential['@context']) ? c.credential['@context'][0] : c.credential['@context'];
    const allowed = c.securing === 'vc+jwt' ? [VC_V2_CONTEXT] : [VC_V1_CONTEXT, VC_V2_CONTEXT];
    return allowed.includes(first as string) ? undefined : `@context must start with ${allowed.join(' or ')}`;
  },
  function namesIssuerDid(c) {
    return c.issuerDid ? undefined : 'the issuer is not a DID';
  },
  function claimsAgree(c) {
    return c.conflicts.length ? c.conflicts.join('; ') : undefined;
  },
];

const presentationRules: Rule<PresentationUnderTest>[] = [
  signedWithAnAlgorithm,
  function knownTyp(p) {
    return PRESENTATION_TYP.includes(p.header.typ) ? undefined : `typ ${String(p.header.typ)} is not a presentation JWT`;
  },
  function isVerifiablePresentation(p) {
    return types(p.presentation.type).includes('VerifiablePresentation') ? undefined : 'type does not include VerifiablePresentation';
  },
  function namesSigner(p) {
    return p.signerDid ? undefined : 'neither kid nor iss names the DID that signed';
  },
  function carriesCredentials(p) {
    return p.entries.length ? undefined : 'the presentation carries no credential';
  },
  function notTooMany(p) {
    return p.entries.length <= MAX_PRESENTED_CREDENTIALS ? undefined : `the presentation carries ${p.entries.length} credentials; at most ${MAX_PRESENTED_CREDENTIALS} are verified`;
  },
  function everyEntryReadable(p) {
    const bad = p.entries.map((e, i) => ('problem' in e ? `verifiableCredential[${i}]: ${e.problem}` : undefined)).filter(Boolean);
    return bad.length ? bad.join('; ') : undefined;
  },
  function noCredentialTwice(p) {
    // The same credential twice would count its hours twice.
    const jwts = p.entries.flatMap((e) => ('jwt' in e ? [e.jwt] : []));
    return new Set(jwts).size === jwts.length ? undefined : 'the same credential appears more than once';
  },
];

function judge<T>(rules: Rule<T>[], subject: T, code: string): Check {
  const problems = rules.map((rule) => rule(subject)).filter((p): p is string => Boolean(p));
  return problems.length ? failed(FORMAT, code, problems.join('; ')) : passed(FORMAT);
}

/** The credential is a well-formed signed VC-JWT or vc+jwt whose claims agree with each other. */
export function checkCredentialFormat(c: CredentialUnderTest): Check {
  return judge(credentialRules, c, 'malformed_credential');
}

/** The presentation is a well-formed signed VP-JWT or vp+jwt carrying readable credentials, not too many. */
export function checkPresentationFormat(p: PresentationUnderTest): Check {
  return judge(presentationRules, p, p.entries.length > MAX_PRESENTED_CREDENTIALS ? 'too_many_credentials' : 'malformed_presentation');
}

/** An entry of a presentation that could not even be read as a JWT. */
export function unreadableCredential(detail: string): Check {
  return failed(FORMAT, 'malformed_credential', detail);
}
