import { createEventCheckInRouter, eventPaths } from '../events/index.ts';
import { Router } from 'express';
import { createSecretBox } from '../../shared/crypto/index.ts';
import type { Migration } from '../../shared/db/index.ts';
import { BATCH_PATH, CONSOLE_MIGRATIONS, createActivitiesRouter } from '../activities/index.ts';
import { createCredentialsRouter } from '../credentials/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { createOid4vciRouter, oauthErrorHandler, paths } from '../oid4vci/index.ts';
import { createStatusRouter } from '../status/index.ts';
import { createVcApiRouter } from '../vc-api/index.ts';
import { IDENTITY_TABLES, ISSUANCE_TABLES } from './migrations.ts';

/** The issuing side's migrations (ids 200–299). */
export const ISSUANCE_MIGRATIONS: readonly Migration[] = [ISSUANCE_TABLES, IDENTITY_TABLES, ...CONSOLE_MIGRATIONS];

/**
 * Routes that parse their own (larger) bodies after authenticating the caller: a batch of up to
 * 10,000 activities (pass to `parseBodies({ parsedByRoute })`, which leaves them unread).
 */
export const ISSUANCE_ROUTES_PARSING_OWN_BODY = [BATCH_PATH];

/**
 * The OpenID4VCI routes: wallets call them with the issuer's own access tokens, not API keys, so
 * mount this BEFORE the API-key authentication. Anyone may call them.
 */
export function createCredentialIssuerRouter(deps: IssuerDeps): Router {
  const router = Router();
  router.use(createOid4vciRouter(deps));
  router.use(createEventCheckInRouter(deps));
  return router;
}

/**
 * Paths whose errors must be answered in OAuth's shape even when they arise before the router
 * (a body parser's error): mount `oauthErrorHandler` on them before the problem-details handler.
 */
export const OAUTH_ERROR_PATHS = [paths.offer, paths.token, paths.nonce, paths.credential, ...Object.values(eventPaths)];
export { oauthErrorHandler };

/** Activities, revocation, status lists and the VC API issue route (after authentication). */
export function createIssuanceRouter(deps: IssuerDeps): Router {
  const offerBox = createSecretBox(deps.config.passportSecret, 'offer-links');
  const router = Router();
  router.use(createStatusRouter(deps));
  router.use(createActivitiesRouter(deps, offerBox));
  router.use(createCredentialsRouter(deps));
  router.use(createVcApiRouter(deps));
  return router;
}
