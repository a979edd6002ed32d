import { VC_V2_CONTEXT } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { decodeJwtParts } from '../../shared/jwt/index.ts';
import { isObject } from './claims.ts';

type Kind = 'credential' | 'presentation';

const ENVELOPE = { credential: 'EnvelopedVerifiableCredential', presentation: 'EnvelopedVerifiablePresentation' } as const;
const MEDIA_TYPE = { credential: 'application/vc+jwt', presentation: 'application/vp+jwt' } as const;
/** The VC 1.1 JWT encoding's claim, which a vc+jwt or vp+jwt must not use: its payload IS the credential. */
const V11_CLAIM = { credential: 'vc', presentation: 'vp' } as const;

/**
 * The JWT inside an enveloped credential or presentation (VC Data Model 2.0, section 4.13;
 * VC-JOSE-COSE, section 3): `{ type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+jwt,<jwt>' }`.
 */
export function jwtFromDataUrl(id: unknown, mediaType: 'application/vc+jwt' | 'application/vp+jwt'): string {
  if (typeof id !== 'string' || !id.startsWith('data:')) {
    throw new PassportError('invalid_request', `An enveloped value needs an id of the form data:${mediaType},<jwt>`);
  }
  const comma = id.indexOf(',');
  const type = id.slice(5, comma < 0 ? undefined : comma).split(';')[0]!.trim().toLowerCase();
  if (comma < 0 || type !== mediaType) {
    throw new PassportError('invalid_request', `Only ${mediaType} is accepted inside a data: URL, not ${type || 'nothing'}`);
  }
  try {
    return decodeURIComponent(id.slice(comma + 1)).trim();
  } catch {
    throw new PassportError('invalid_request', 'The data: URL is not validly percent-encoded');
  }
}

/**
 * The JWT of a credential or presentation however it was handed over: a compact JWT, an
 * enveloped object, or a VC API object whose `proof.jwt` carries it.
 */
export function jwtOf(value: unknown, kind: Kind): string {
  if (typeof value === 'string') return value.trim();
  if (isObject(value)) {
    const types = Array.isArray(value.type) ? value.type : [value.type];
    if (types.includes(ENVELOPE[kind])) return jwtOfEnvelope(value, kind);
    if (isObject(value.proof) && typeof value.proof.jwt === 'string') return value.proof.jwt.trim();
  }
  throw new PassportError('invalid_request', `The ${kind} is neither a JWT, an enveloped ${kind} nor an object with proof.jwt`);
}

/**
 * An envelope is itself a VC 2.0 object, so it has an `@context` starting with the base context
 * (section 4.13.1), and its media type says what it carries: a vc+jwt holds a VC 2.0 credential
 * as its payload, never a VC 1.1 `vc` claim passed off under the newer name.
 */
function jwtOfEnvelope(envelope: Record<string, unknown>, kind: Kind): string {
  const context = typeof envelope['@context'] === 'string' ? [envelope['@context']] : envelope['@context'];
  if (!Array.isArray(context) || context[0] !== VC_V2_CONTEXT) {
    throw new PassportError('invalid_request', `An ${ENVELOPE[kind]} needs an @context starting with ${VC_V2_CONTEXT}`);
  }
  const jwt = jwtFromDataUrl(envelope.id, MEDIA_TYPE[kind]);
  if (isObject(decodeJwtParts(jwt).payload[V11_CLAIM[kind]])) {
    throw new PassportError('invalid_request', `A data:${MEDIA_TYPE[kind]} URL carries a VC 2.0 ${kind} as the JWT payload itself, not a VC 1.1 "${V11_CLAIM[kind]}" claim`);
  }
  return jwt;
}
