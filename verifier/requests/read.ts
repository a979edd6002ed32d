import type { Request } from 'express';
import { hashToken, safeEqual } from '../../shared/crypto/index.ts';
import type { Database } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { bearerToken } from '../../shared/http/index.ts';
import { findRequest, forgetOldRequests, markResultRead, publicStatus, type PresentationRequest, type PublicStatus } from './store.ts';

/**
 * Reads a request for the page (or script) that made it: `Authorization: Bearer {readToken}`.
 * Old requests are forgotten first; a result read now starts its short retention clock.
 */
export async function readPresentationRequest(
  deps: { db: Database; now: () => Date },
  id: string,
  req: Request,
): Promise<{ request: PresentationRequest; status: PublicStatus }> {
  const token = bearerToken(req);
  if (!token) throw new PassportError('unauthorized', 'Send Authorization: Bearer with the readToken that POST /v1/requests returned');
  const now = deps.now();
  await forgetOldRequests(deps.db, now);
  const request = await findRequest(deps.db, id);
  if (!request) throw new PassportError('not_found', 'No such presentation request (results are forgotten 10 minutes after they are first read)');
  if (!request.readTokenHash || !safeEqual(hashToken(token), request.readTokenHash)) {
    throw new PassportError('unauthorized', 'This readToken does not open this request');
  }
  const status = publicStatus(request, now);
  if (request.result) await markResultRead(deps.db, id, now);
  return { request, status };
}
