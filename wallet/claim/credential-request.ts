import type { GuardedFetch } from '../../shared/net/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { issuerJson, malformed } from './steps.ts';

/**
 * Asks the Credential Endpoint for one credential with one key proof (OpenID4VCI 1.0, section 8)
 * and returns the VC-JWT. Accepts the 1.0 answer `{ credentials: [{ credential }] }` and the older
 * `{ credential }`. Deferred issuance (`transaction_id`) is not supported.
 */
export async function requestCredential(
  fetch: GuardedFetch,
  credentialEndpoint: string,
  accessToken: string,
  configurationId: string,
  proof: string,
): Promise<string> {
  const res = await fetch(credentialEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ credential_configuration_id: configurationId, proofs: { jwt: [proof] } }),
  });
  const body = issuerJson<{ credentials?: unknown; credential?: unknown; transaction_id?: unknown }>(res, 'credential');
  if (Array.isArray(body.credentials)) {
    const first = body.credentials[0] as { credential?: unknown } | undefined;
    if (typeof first?.credential === 'string') return first.credential;
  }
  if (typeof body.credential === 'string') return body.credential;
  if (typeof body.transaction_id === 'string') {
    throw new PassportError('upstream_unavailable', 'Requesting the credential failed: the issuer deferred issuance, which this wallet does not support', {
      extra: { step: 'credential' },
    });
  }
  throw malformed('credential', 'the credential response carries no credential as a JWT string');
}
