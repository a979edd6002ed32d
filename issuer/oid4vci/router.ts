import { Router } from 'express';
import { PassportError } from '../../shared/errors.ts';
import { bearerToken } from '../../shared/http/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { checkIn, CHECK_IN_CODE_PREFIX, CHECK_IN_TOKEN_PREFIX, exchangeCheckInCode } from '../events/index.ts';
import { paths, PRE_AUTHORIZED_GRANT } from './constants.ts';
import { issueForAccessToken } from './credential.ts';
import { oauthErrorHandler } from './errors.ts';
import { authorizationServerMetadata, credentialIssuerMetadata } from './metadata.ts';
import { newCredentialNonce } from './nonce.ts';
import { credentialOffer } from './offer.ts';
import { exchangePreAuthorizedCode } from './token.ts';

/**
 * The OpenID4VCI 1.0 routes (pre-authorized code flow). They carry their own bearer tokens
 * (access tokens, not API keys), so this router is mounted before the API-key authentication.
 */
export function createOid4vciRouter(deps: IssuerDeps): Router {
  const router = Router();
  router.get(paths.issuerMetadata, (_req, res) => {
    res.set('cache-control', 'public, max-age=300').json(credentialIssuerMetadata(deps.config));
  });
  router.get(paths.authorizationServerMetadata, (_req, res) => {
    res.set('cache-control', 'public, max-age=300').json(authorizationServerMetadata(deps.config));
  });
  router.get(paths.offer, async (req, res) => {
    const offer = await credentialOffer(deps, req.params.token!);
    res.set('cache-control', 'no-store').json(offer);
  });
  router.post(paths.token, async (req, res) => {
    if (!req.is('application/x-www-form-urlencoded')) {
      throw new PassportError('invalid_request', 'The token request is sent as application/x-www-form-urlencoded');
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    const code = body['pre-authorized_code'];
    // An event's check-in codes (issue 12) are told apart by their prefix.
    const answer =
      body.grant_type === PRE_AUTHORIZED_GRANT && typeof code === 'string' && code.startsWith(CHECK_IN_CODE_PREFIX)
        ? await exchangeCheckInCode(deps, code)
        : await exchangePreAuthorizedCode(deps, body);
    res.set({ 'cache-control': 'no-store', pragma: 'no-cache' }).json(answer);
  });
  router.post(paths.nonce, async (_req, res) => {
    res.set('cache-control', 'no-store').json(await newCredentialNonce(deps));
  });
  router.post(paths.credential, async (req, res) => {
    const token = bearerToken(req);
    // A check-in token's request is answered with deferred issuance: 202 and a transaction_id (OpenID4VCI 1.0, section 8.3).
    if (token?.startsWith(CHECK_IN_TOKEN_PREFIX)) return void res.status(202).set('cache-control', 'no-store').json(await checkIn(deps, token, req.body));
    res.set('cache-control', 'no-store').json(await issueForAccessToken(deps, token, req.body));
  });
  router.use([paths.offer, paths.token, paths.nonce, paths.credential], oauthErrorHandler);
  return router;
}
