import { PassportError } from '../../shared/errors.ts';

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
    throw new PassportError('invalid_request', `The data: URL of the enveloped value is not valid percent-encoding`);
  }
}

/**
 * The JWT of a credential or presentation however it was handed over: a compact JWT, an
 * enveloped object, or a VC API object whose `proof.jwt` carries it.
 */
export function jwtOf(value: unknown, kind: 'credential' | 'presentation'): string {
  if (typeof value === 'string') return value.trim();
  if (value && typeof value === 'object') {
    const v = value as { type?: unknown; id?: unknown; proof?: { jwt?: unknown } };
    const types = Array.isArray(v.type) ? v.type : [v.type];
    const enveloped = kind === 'credential' ? 'EnvelopedVerifiableCredential' : 'EnvelopedVerifiablePresentation';
    if (types.includes(enveloped)) return jwtFromDataUrl(v.id, kind === 'credential' ? 'application/vc+jwt' : 'application/vp+jwt');
    if (v.proof && typeof v.proof.jwt === 'string') return v.proof.jwt.trim();
  }
  throw new PassportError('invalid_request', `The ${kind} is neither a JWT, an enveloped ${kind} nor an object with proof.jwt`);
}
