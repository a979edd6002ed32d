import { PassportError } from '../../shared/errors.ts';
import { CONFIGURATION_ID, CONFIGURATION_IDS, type ConfigurationId } from './constants.ts';

export interface CredentialRequest {
  configurationId: ConfigurationId;
  /** The one proof JWT, not yet read. */
  proof: unknown;
}

/**
 * A credential request (OpenID4VCI 1.0, section 8.2): an offered `credential_configuration_id`
 * (or the older `format: jwt_vc_json`) and exactly one proof, as `proofs: { jwt: [jwt] }` or
 * the older `proof: { proof_type: 'jwt', jwt }` that earlier drafts and many wallets still send.
 */
export function readCredentialRequest(body: unknown): CredentialRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new PassportError('invalid_credential_request', 'The credential request must be a JSON object');
  }
  const request = body as Record<string, unknown>;
  if (request.credential_identifier !== undefined) {
    throw new PassportError('invalid_credential_request', 'credential_identifier is not used by this issuer; send credential_configuration_id', { field: 'credential_identifier' });
  }
  return { configurationId: configurationOf(request), proof: proofOf(request) };
}

function configurationOf(request: Record<string, unknown>): ConfigurationId {
  const configuration = request.credential_configuration_id;
  if (configuration === undefined && request.format === 'jwt_vc_json') return CONFIGURATION_ID;
  if (typeof configuration !== 'string' || !(CONFIGURATION_IDS as readonly string[]).includes(configuration)) {
    throw new PassportError('unknown_credential_configuration', `credential_configuration_id must be one of ${CONFIGURATION_IDS.join(', ')}`, {
      field: 'credential_configuration_id',
    });
  }
  return configuration as ConfigurationId;
}

function proofOf(request: Record<string, unknown>): unknown {
  const { proofs, proof } = request as { proofs?: { jwt?: unknown }; proof?: { proof_type?: unknown; jwt?: unknown } };
  if (proofs !== undefined && proof !== undefined) {
    throw new PassportError('invalid_credential_request', 'Send either proofs or proof, not both', { field: 'proofs' });
  }
  if (proofs !== undefined) {
    if (typeof proofs !== 'object' || proofs === null || !Array.isArray(proofs.jwt)) {
      throw new PassportError('invalid_proof', 'proofs must be { "jwt": [<proof JWT>] }', { field: 'proofs' });
    }
    if (proofs.jwt.length !== 1) {
      throw new PassportError('invalid_credential_request', 'Exactly one proof is accepted: this issuer issues one credential per request', { field: 'proofs.jwt' });
    }
    return proofs.jwt[0];
  }
  if (proof !== undefined) {
    if (typeof proof !== 'object' || proof === null || proof.proof_type !== 'jwt') {
      throw new PassportError('invalid_proof', 'proof must be { "proof_type": "jwt", "jwt": <proof JWT> }', { field: 'proof' });
    }
    return proof.jwt;
  }
  throw new PassportError('invalid_proof', 'The credential request needs a proof of possession of the holder key (proofs.jwt)', { field: 'proofs' });
}
