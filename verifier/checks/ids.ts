/** The check ids of API.md, used by every verification result. */
export const FORMAT = 'format';
export const SIGNATURE = 'signature';
export const ISSUER_RESOLVED = 'issuer_resolved';
export const ISSUER_ACCREDITED = 'issuer_accredited';
export const NOT_REVOKED = 'not_revoked';
export const NOT_EXPIRED = 'not_expired';
export const SCHEMA = 'schema';
export const HOLDER_BINDING = 'holder_binding';
export const CHALLENGE = 'challenge';
export const POLICY = 'policy';
/** A disclosed IIN equals the one the verifier typed (an OpenID4VP request that asked for it). */
export const IDENTITY = 'identity';

/** Checks made on each credential, in the order results list them. */
export const CREDENTIAL_CHECKS = [FORMAT, SIGNATURE, ISSUER_RESOLVED, ISSUER_ACCREDITED, NOT_REVOKED, NOT_EXPIRED, SCHEMA] as const;

/** Every check id, in the order results list them. */
export const CHECK_IDS = [...CREDENTIAL_CHECKS, HOLDER_BINDING, CHALLENGE, POLICY, IDENTITY] as const;

export type CheckId = (typeof CHECK_IDS)[number];
