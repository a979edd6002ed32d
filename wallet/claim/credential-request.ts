import type { GuardedFetch } from '../../shared/net/index.ts';
import { issuerJson, malformed } from './steps.ts';

/** The issuer's deferred answer (OpenID4VCI 1.0, section 8.3): wait, then ask the Deferred Credential Endpoint. */
export interface DeferredIssuance {
  transactionId: string;
  interval: number;
  /** What the Volunteer Passport issuer says of the event checked in to (its `event` extension), when it does. */
  event: unknown;
}

export type CredentialAnswer = { credential: string } | { deferred: DeferredIssuance };

/**
 * Asks the Credential Endpoint for one credential with one key proof (OpenID4VCI 1.0, section 8).
 * Accepts the 1.0 answer `{ credentials: [{ credential }] }` and the older `{ credential }`, and
 * the deferred answer `{ transaction_id, interval }` (HTTP 202) of an event check-in. `extra`
 * carries extension parameters (the display name, when the issuer says it takes one).
 */
export async function requestCredential(
  fetch: GuardedFetch,
  credentialEndpoint: string,
  accessToken: string,
  configurationId: string,
  proof: string,
  extra: Record<string, string> = {},
): Promise<CredentialAnswer> {
  const res = await fetch(credentialEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ credential_configuration_id: configurationId, proofs: { jwt: [proof] }, ...extra }),
  });
  const body = issuerJson<{ credentials?: unknown; credential?: unknown; transaction_id?: unknown; interval?: unknown; event?: unknown }>(res, 'credential');
  const issued = credentialOf(body);
  if (issued) return { credential: issued };
  if (typeof body.transaction_id === 'string' && body.transaction_id) {
    const interval = typeof body.interval === 'number' && body.interval > 0 ? body.interval : 60;
    return { deferred: { transactionId: body.transaction_id, interval, event: body.event } };
  }
  throw malformed('credential', 'the credential response carries no credential as a JWT string');
}

/** The first credential of a (deferred) credential response, as a JWT string. */
export function credentialOf(body: { credentials?: unknown; credential?: unknown }): string | undefined {
  if (Array.isArray(body.credentials)) {
    const first = body.credentials[0] as { credential?: unknown } | undefined;
    if (typeof first?.credential === 'string') return first.credential;
  }
  return typeof body.credential === 'string' ? body.credential : undefined;
}
