import { hashToken, newToken, randomId } from '../../shared/crypto/index.ts';
import type { Database } from '../../shared/db/index.ts';
import { keepIin } from './iin-hash.ts';
import type { RequestSpec } from './input.ts';
import { forgetOldRequests, insertRequest, type PresentationRequest } from './store.ts';
import { requestUrls } from './urls.ts';

export interface CreatedRequest {
  id: string;
  requestUri: string;
  qrUrl: string;
  expiresAt: string;
  /** The secret that reads the request's state and result; handed out once, stored as its hash. */
  readToken: string;
}

/**
 * Records a new presentation request with a fresh nonce (192 random bits, used once) and an
 * expiry, and answers its addresses and its `readToken` (`POST /v1/requests`). The id travels in
 * the QR, so it opens nothing; only the token reads the result. An IIN to compare is kept only as
 * a salted keyed hash.
 */
export async function createPresentationRequest(
  deps: { db: Database; verifierUrl: string; lifetimeSeconds: number; now: () => Date; passportSecret: string },
  spec: RequestSpec,
): Promise<CreatedRequest> {
  const now = deps.now();
  const readToken = newToken('vp_read');
  const request: PresentationRequest = {
    id: randomId(16),
    nonce: randomId(24),
    purpose: spec.purpose,
    policy: spec.policy,
    status: 'pending',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + deps.lifetimeSeconds * 1000).toISOString(),
    answeredAt: undefined,
    result: undefined,
    readTokenHash: hashToken(readToken),
    firstReadAt: undefined,
    asksIin: spec.iin !== undefined,
    iin: spec.iin !== undefined ? keepIin(deps.passportSecret, spec.iin) : undefined,
  };
  await deps.db.transaction(async (tx) => {
    await forgetOldRequests(tx, now);
    await insertRequest(tx, request);
  });
  const urls = requestUrls(deps.verifierUrl, request.id);
  return { id: request.id, requestUri: urls.requestUri, qrUrl: urls.qrUrl, expiresAt: request.expiresAt, readToken };
}
