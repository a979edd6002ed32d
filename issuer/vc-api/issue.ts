import { randomUUID } from 'node:crypto';
import type { CredentialPayload, VerifiableCredential } from '@veramo/core-types';
import { credentialSchemaProblems, SCHEMA_PATH, VC_V1_CONTEXT, VOLUNTEER_CREDENTIAL_TYPE } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { issueCredential, withIssuingRetry } from '../credentials/issue.ts';
import { accreditedOrganization, type IssuingOrganization } from '../credentials/organization.ts';
import type { OrganizationActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';

/** How far in the past a caller's `issuanceDate` may lie: clocks differ by a little, never by more. */
const ISSUANCE_SKEW_MS = 5 * 60_000;

/**
 * W3C VC API issue (`POST /credentials/issue`): the calling organization signs a VC 1.1
 * credential body as a VC-JWT, with a status list entry of its own. Malformed input is
 * `invalid_request` (400); a well-formed credential this issuer will not sign is `unprocessable` (422).
 */
export async function issueByVcApi(deps: IssuerDeps, actor: OrganizationActor, body: unknown): Promise<VerifiableCredential> {
  const credential = wellFormed(body);
  const now = deps.now();
  return withIssuingRetry(() =>
    deps.db.transaction(async (tx) => {
      const organization = await accreditedOrganization(tx, actor.id);
      const prepared = acceptable(credential, organization, now, deps.config.issuerUrl);
      if (await tx.get('SELECT id FROM credentials WHERE id = ?', [prepared.id])) {
        throw new PassportError('conflict', `A credential with id ${prepared.id} was already issued`, { field: 'credential.id' });
      }
      const issued = await issueCredential(
        deps,
        tx,
        {
          organization,
          credentialId: prepared.id,
          holderDid: prepared.subjectId,
          via: 'vc-api',
          actor,
          build: (status) => ({ ...prepared.body, credentialStatus: status }),
        },
        now,
      );
      return issued.verifiableCredential;
    }),
  );
}

interface Prepared {
  id: string;
  subjectId: string;
  body: CredentialPayload;
}

type Json = Record<string, unknown>;

function wellFormed(body: unknown): Json {
  if (!isObject(body)) throw bad('body', 'The body must be a JSON object { "credential", "options"? }');
  const unknown = Object.keys(body).filter((k) => k !== 'credential' && k !== 'options');
  if (unknown.length) throw bad(unknown[0]!, `Unknown member(s): ${unknown.join(', ')}`);
  if (body.options !== undefined && !isObject(body.options)) throw bad('options', 'options must be an object');
  const c = body.credential;
  if (!isObject(c)) throw bad('credential', 'credential is required (an object)');
  if (!Array.isArray(c['@context']) || c['@context'].length === 0) throw bad('credential.@context', 'credential.@context must be a non-empty array');
  if (!Array.isArray(c.type) || !c.type.every((t) => typeof t === 'string') || !c.type.includes('VerifiableCredential')) {
    throw bad('credential.type', 'credential.type must be an array of strings including VerifiableCredential');
  }
  const subject = c.credentialSubject;
  if (!isObject(subject)) throw bad('credential.credentialSubject', 'credential.credentialSubject is required (one object)');
  if (typeof subject.id !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(subject.id)) {
    throw bad('credential.credentialSubject.id', 'credential.credentialSubject.id is required: the holder (a DID or another URI)');
  }
  if (c.id !== undefined && (typeof c.id !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(c.id))) throw bad('credential.id', 'credential.id must be a URI');
  for (const field of ['issuanceDate', 'expirationDate'] as const) {
    if (c[field] !== undefined && (typeof c[field] !== 'string' || Number.isNaN(Date.parse(c[field] as string)))) {
      throw bad(`credential.${field}`, `credential.${field} must be an XML Schema dateTime (e.g. 2026-05-02T10:00:00Z)`);
    }
  }
  return c;
}

function acceptable(c: Json, org: IssuingOrganization, now: Date, issuerUrl: string): Prepared {
  if (c['@context'] !== undefined && (c['@context'] as unknown[])[0] !== VC_V1_CONTEXT) {
    throw refuse('credential.@context', `This issuer signs VC Data Model 1.1 credentials: @context must start with ${VC_V1_CONTEXT}`);
  }
  const issuerId = typeof c.issuer === 'string' ? c.issuer : isObject(c.issuer) ? c.issuer.id : undefined;
  if (c.issuer !== undefined && issuerId !== org.did) {
    throw refuse('credential.issuer', `The issuer must be this organization's DID ${org.did} (or left out)`);
  }
  if (c.credentialStatus !== undefined) throw refuse('credential.credentialStatus', 'The issuer assigns credentialStatus itself; leave it out');
  if (c.proof !== undefined) throw refuse('credential.proof', 'The credential already has a proof');
  const issuanceDate = typeof c.issuanceDate === 'string' ? c.issuanceDate : now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (Date.parse(issuanceDate) < now.getTime() - ISSUANCE_SKEW_MS) {
    throw refuse('credential.issuanceDate', 'credential.issuanceDate must not be in the past: a credential cannot be back-dated');
  }
  const isVolunteer = (c.type as string[]).includes(VOLUNTEER_CREDENTIAL_TYPE);
  const body = {
    ...c,
    id: typeof c.id === 'string' ? c.id : `urn:uuid:${randomUUID()}`,
    issuer: isObject(c.issuer) ? { ...c.issuer, id: org.did } : { id: org.did, name: org.name },
    issuanceDate,
    ...(isVolunteer && c.credentialSchema === undefined ? { credentialSchema: { id: `${issuerUrl}${SCHEMA_PATH}`, type: 'JsonSchema' } } : {}),
  } as CredentialPayload & { id: string };
  if (isVolunteer) {
    const problems = credentialSchemaProblems(body, now);
    if (problems.length) throw new PassportError('unprocessable', `The credential does not conform to the VolunteerActivityCredential schema: ${problems.join('; ')}`, { field: 'credential', extra: { problems } });
  }
  return { id: body.id, subjectId: (c.credentialSubject as Json).id as string, body };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bad(field: string, detail: string): PassportError {
  return new PassportError('invalid_request', detail, { field });
}

function refuse(field: string, detail: string): PassportError {
  return new PassportError('unprocessable', detail, { field });
}
