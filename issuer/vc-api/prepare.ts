import { credentialSchemaProblems, SCHEMA_PATH, VOLUNTEER_CREDENTIAL_TYPE, type BitstringStatusListEntry, type LocalizedText } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { IssuingOrganization } from '../credentials/organization.ts';
import { isObject, type IssueRequest, type Json } from './request.ts';
import { parseDateTime } from './xsd-date.ts';

/** How far in the past a caller's `issuanceDate` may lie: clocks differ by a little, never by more. */
const ISSUANCE_SKEW_MS = 5 * 60_000;
/** No credential needs a date further ahead; beyond it, JWT libraries take seconds for milliseconds. */
const HORIZON_YEARS = 100;

/**
 * JWT claim names (RFC 7519, VC-JWT 1.1 `vc`/`vp`, RFC 7800 `cnf`). A credential member of that
 * name would be read as the claim: in a vc+jwt the payload IS the credential, so a top-level `nbf`
 * would back-date it and a `sub` change its subject. The claims are derived from the credential's
 * own members instead (`validFrom`, `credentialSubject.id`, …).
 */
const JWT_CLAIM_NAMES = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'cnf', 'vc', 'vp'];

/** A credential this organization will sign, complete but for its status entry. */
export interface PreparedCredential {
  /** The id the caller gave; none is invented (the VC API says an issuer SHOULD NOT). */
  id: string | undefined;
  /** The subjects' DIDs, for the credential row and the audit trail ('' when no subject has an id). */
  holders: string;
  securing: 'jwt_vc_json' | 'vc+jwt';
  /** The credential with the given status entry, in its data-model shape. */
  withStatus(status: BitstringStatusListEntry): Json;
}

export interface IssuerContext {
  organization: IssuingOrganization;
  issuerUrl: string;
  now: Date;
}

/**
 * Judges a well-formed credential as its issuer (each refusal `unprocessable`, 422, naming the
 * member) and completes it: the issuer's names, an issuance date for 1.1, the volunteer schema.
 */
export function prepareCredential(request: IssueRequest, ctx: IssuerContext): PreparedCredential {
  const c = request.credential;
  for (const rule of rules) rule(c, request.version, ctx);
  const completed: Json = {
    ...c,
    issuer: isObject(c.issuer) ? { ...c.issuer, id: ctx.organization.did } : { id: ctx.organization.did, name: nameIn(request.version, ctx.organization.name) },
    ...(request.version === '1.1' && c.issuanceDate === undefined ? { issuanceDate: ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z') } : {}),
    ...(isVolunteer(c) && c.credentialSchema === undefined ? { credentialSchema: { id: `${ctx.issuerUrl}${SCHEMA_PATH}`, type: 'JsonSchema' } } : {}),
  };
  if (isVolunteer(c)) {
    const problems = credentialSchemaProblems(completed, ctx.now);
    if (problems.length) {
      throw new PassportError('unprocessable', `The credential does not conform to the VolunteerActivityCredential schema: ${problems.join('; ')}`, { field: 'credential', extra: { problems } });
    }
  }
  const subjects = Array.isArray(c.credentialSubject) ? (c.credentialSubject as Json[]) : [c.credentialSubject as Json];
  return {
    id: typeof c.id === 'string' ? c.id : undefined,
    holders: subjects.flatMap((s) => (typeof s.id === 'string' ? [s.id] : [])).join(' '),
    securing: request.version === '2.0' ? 'vc+jwt' : 'jwt_vc_json',
    withStatus: (status) => ({ ...completed, credentialStatus: status }),
  };
}

type Rule = (c: Json, version: IssueRequest['version'], ctx: IssuerContext) => void;

const rules: Rule[] = [
  function issuedByTheCaller(c, _version, { organization }) {
    const issuerId = isObject(c.issuer) ? c.issuer.id : c.issuer;
    if (issuerId !== organization.did) throw refuse('credential.issuer', `The issuer must be this organization's DID ${organization.did}`);
  },
  function noJwtClaimNames(c) {
    const claim = JWT_CLAIM_NAMES.find((name) => name in c);
    if (claim) {
      throw refuse(`credential.${claim}`, `${claim} is a JWT claim, not a member of the credential: it is derived from the credential's own members (issuer, id, credentialSubject.id, dates)`);
    }
  },
  function statusAndProofAreOurs(c) {
    if (c.credentialStatus !== undefined) throw refuse('credential.credentialStatus', 'The issuer assigns credentialStatus itself; leave it out');
    if (c.proof !== undefined) throw refuse('credential.proof', 'The credential already has a proof');
  },
  function idNotReserved(c, _version, { issuerUrl }) {
    // Credentials without an id are known by their status entry's id, a URL under /status/.
    if (typeof c.id === 'string' && c.id.startsWith(`${issuerUrl}/status/`)) throw refuse('credential.id', 'Ids under this issuer\'s /status/ name status entries; choose another id');
  },
  function oneSubjectIn11(c, version) {
    // The VC 1.1 JWT encoding carries one subject, whose id becomes `sub`; 2.0 takes a set.
    if (version === '1.1' && Array.isArray(c.credentialSubject)) {
      throw refuse('credential.credentialSubject', 'A VC 1.1 credential is issued here with one subject; use VC 2.0 (@context https://www.w3.org/ns/credentials/v2) for several');
    }
  },
  function datesInOrderAndReach(c, version, { now }) {
    const [from, until] = version === '1.1' ? (['issuanceDate', 'expirationDate'] as const) : (['validFrom', 'validUntil'] as const);
    const horizon = new Date(now);
    horizon.setUTCFullYear(horizon.getUTCFullYear() + HORIZON_YEARS);
    for (const name of [from, until]) {
      const date = parseDateTime(c[name]);
      if (date && date > horizon) throw refuse(`credential.${name}`, `credential.${name} lies more than ${HORIZON_YEARS} years ahead`);
    }
    const start = parseDateTime(c[from]);
    const end = parseDateTime(c[until]);
    if (start && end && end < start) throw refuse(`credential.${until}`, `credential.${until} is before ${from}`);
    if (version === '1.1' && start && start.getTime() < now.getTime() - ISSUANCE_SKEW_MS) {
      throw refuse('credential.issuanceDate', 'credential.issuanceDate must not be in the past: a credential cannot be back-dated');
    }
  },
];

/**
 * The organization's names as each version writes them: 1.1 as this project always has (DESIGN.md),
 * 2.0 as language value objects (VC Data Model 2.0, "Language and Base Direction"), which its context understands.
 */
function nameIn(version: IssueRequest['version'], name: LocalizedText): unknown {
  if (version === '1.1') return name;
  return Object.entries(name).map(([language, value]) => ({ '@value': value, '@language': language }));
}

function isVolunteer(c: Json): boolean {
  return (typeof c.type === 'string' ? [c.type] : (c.type as string[])).includes(VOLUNTEER_CREDENTIAL_TYPE);
}

function refuse(field: string, detail: string): PassportError {
  return new PassportError('unprocessable', detail, { field });
}
