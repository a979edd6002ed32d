import { VC_V1_CONTEXT, VC_V2_CONTEXT } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { parseDateTime } from './xsd-date.ts';

export type Json = Record<string, unknown>;

/** A VC API issue request whose credential is well formed for its data model version. */
export interface IssueRequest {
  version: '1.1' | '2.0';
  credential: Json;
}

/**
 * Deeper than any credential needs (a volunteer credential nests five levels; an Open Badge or a
 * context object a few more), and shallow enough that no library's recursive copy overflows.
 */
export const MAX_CREDENTIAL_DEPTH = 32;

const URI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const BASE_CONTEXT = { [VC_V1_CONTEXT]: '1.1', [VC_V2_CONTEXT]: '2.0' } as const;
/** Date members of each version; the other version's are refused, so that none is silently ignored. */
const DATES = { '1.1': ['issuanceDate', 'expirationDate'], '2.0': ['validFrom', 'validUntil'] } as const;

/**
 * Reads `{ credential, options? }` and checks the credential against its data model (VC 1.1 or
 * 2.0, chosen by the first `@context` item). Everything refused here is `invalid_request` (400)
 * naming the member at fault; whether this issuer will sign it is judged afterwards (`prepare`).
 */
export function readIssueRequest(body: unknown): IssueRequest {
  if (!isObject(body)) throw bad('body', 'The body must be a JSON object { "credential", "options"? }');
  const unknown = Object.keys(body).filter((k) => k !== 'credential' && k !== 'options');
  if (unknown.length) throw bad(unknown[0]!, `Unknown member(s): ${unknown.join(', ')}`);
  if (body.options !== undefined && !isObject(body.options)) throw bad('options', 'options must be an object');
  const c = body.credential;
  if (!isObject(c)) throw bad('credential', 'credential is required (an object)');
  if (depthOf(c, MAX_CREDENTIAL_DEPTH) > MAX_CREDENTIAL_DEPTH) {
    throw bad('credential', `credential nests more than ${MAX_CREDENTIAL_DEPTH} levels deep`);
  }
  const version = versionOf(c['@context']);
  for (const rule of rules) rule(c, version);
  return { version, credential: c };
}

type Rule = (c: Json, version: IssueRequest['version']) => void;

/** The `@context` is an ordered set whose first item is the base context of a data model version. */
function versionOf(context: unknown): IssueRequest['version'] {
  const items = typeof context === 'string' ? [context] : context;
  if (!Array.isArray(items) || items.length === 0) throw bad('credential.@context', 'credential.@context must be a non-empty array');
  const version = BASE_CONTEXT[items[0] as keyof typeof BASE_CONTEXT];
  if (!version) throw bad('credential.@context', `credential.@context must start with ${VC_V1_CONTEXT} (VC 1.1) or ${VC_V2_CONTEXT} (VC 2.0)`);
  // Both versions: the items after the first are URLs or objects, each processable as a JSON-LD context.
  items.forEach((item, i) => {
    if (!(typeof item === 'string' && URI.test(item)) && !isObject(item)) throw bad(`credential.@context[${i}]`, 'Each @context item must be a URL or an object');
  });
  return version;
}

const rules: Rule[] = [
  function typeIncludesVerifiableCredential(c) {
    const types = typeof c.type === 'string' ? [c.type] : c.type;
    if (!Array.isArray(types) || !types.every((t) => typeof t === 'string' && t !== '') || !types.includes('VerifiableCredential')) {
      throw bad('credential.type', 'credential.type must be an array of strings including VerifiableCredential');
    }
  },
  function idIsUrl(c) {
    if (c.id !== undefined && !isUri(c.id)) throw bad('credential.id', 'credential.id must be a URL');
  },
  function hasIssuer(c) {
    // A credential MUST have an issuer (both versions): a URL, or an object whose id is one.
    if (c.issuer === undefined) throw bad('credential.issuer', "credential.issuer is required: this organization's DID");
    if (!isUri(c.issuer) && !(isObject(c.issuer) && isUri(c.issuer.id))) {
      throw bad('credential.issuer', 'credential.issuer must be a URL or an object with an id that is one');
    }
  },
  function subjectsMakeClaims(c) {
    const subject = c.credentialSubject;
    const subjects = Array.isArray(subject) ? subject : [subject];
    if (subject === undefined || subjects.length === 0) throw bad('credential.credentialSubject', 'credential.credentialSubject is required: an object or a non-empty array of objects');
    subjects.forEach((s, i) => {
      const field = Array.isArray(subject) ? `credential.credentialSubject[${i}]` : 'credential.credentialSubject';
      if (!isObject(s) || Object.keys(s).length === 0) throw bad(field, `${field} must be an object with an id or at least one claim`);
      if (s.id !== undefined && !isUri(s.id)) throw bad(`${field}.id`, `${field}.id must be a URL (a DID)`);
    });
  },
  function datesOfItsVersion(c, version) {
    const other = version === '1.1' ? DATES['2.0'] : DATES['1.1'];
    const misplaced = other.find((name) => c[name] !== undefined);
    if (misplaced) throw bad(`credential.${misplaced}`, `A VC ${version} credential says ${DATES[version].join(' and ')}, not ${misplaced}`);
    for (const name of DATES[version]) {
      if (c[name] !== undefined && !parseDateTime(c[name])) {
        throw bad(`credential.${name}`, `credential.${name} must be an XML Schema date-time with a time zone (e.g. 2026-05-02T10:00:00Z)`);
      }
    }
  },
];

/** How deep a JSON value nests, counted without recursion and only as far as `limit` + 1. */
export function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isUri(value: unknown): value is string {
  return typeof value === 'string' && URI.test(value);
}

function bad(field: string, detail: string): PassportError {
  return new PassportError('invalid_request', detail, { field });
}
