import { Router } from 'express';
import { z } from 'zod';
import { PassportError } from '../../shared/errors.ts';
import { sendJson } from '../../shared/http/index.ts';
import type { VerifierDeps } from '../deps.ts';

const VerifyInput = z.union([
  z.object({ jwt: z.string().min(1, 'must not be empty') }).strict(),
  z.object({ url: z.string().min(1, 'must not be empty') }).strict(),
]);

/**
 * `POST /v1/verify` `{ jwt }` or `{ url }`: 200 with the full verification log for any
 * credential or presentation, verified or not; 400 only for input that is neither. Most requests
 * are answered in front of Express (verify-fast.ts) by the same `verifyBody`; this route answers
 * the rest (a query string, a form, another JSON type, a chunked body).
 */
export function createVerifyRouter(deps: Pick<VerifierDeps, 'verifier'>): Router {
  const router = Router();
  router.post('/v1/verify', async (req, res) => {
    sendJson(res, await verifyBody(deps, req.body));
  });
  return router;
}

/** The verification log of a parsed request body; a `PassportError` when it names neither a JWT nor a share link. */
export async function verifyBody(deps: Pick<VerifierDeps, 'verifier'>, requestBody: unknown): Promise<unknown> {
  // No body at all when it was not JSON (text/plain is not parsed): then it names neither field.
  const body: object = requestBody !== null && typeof requestBody === 'object' ? requestBody : {};
  const parsed = VerifyInput.safeParse(body);
  if (!parsed.success) {
    const field = 'url' in body && !('jwt' in body) ? 'url' : 'jwt';
    throw new PassportError('invalid_request', 'Send exactly one of jwt (a credential or presentation JWT) or url (a share link)', { field });
  }
  return 'jwt' in parsed.data ? deps.verifier.verifyJwt(parsed.data.jwt) : deps.verifier.verifyShareLink(parsed.data.url);
}
