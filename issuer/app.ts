import { AGENT_MIGRATIONS, createPassportAgent } from '../shared/agent/index.ts';
import type { Config } from '../shared/config.ts';
import { createSecretBox } from '../shared/crypto/index.ts';
import { openDatabase } from '../shared/db/index.ts';
import { createDidResolver } from '../shared/did/index.ts';
import { createServiceApp, notFoundHandler, parseBodies, problemHandler, writeRateLimit } from '../shared/http/index.ts';
import type { Logger } from '../shared/logger.ts';
import { createGuardedFetch } from '../shared/net/index.ts';
import type { BuiltService } from '../shared/service/run.ts';
import { authenticate } from './auth/index.ts';
import type { IssuerDeps } from './deps.ts';
import { createDashboardRouter } from './dashboard/index.ts';
import {
  ISSUANCE_MIGRATIONS,
  ISSUANCE_ROUTES_PARSING_OWN_BODY,
  OAUTH_ERROR_PATHS,
  createCredentialIssuerRouter,
  createIssuanceRouter,
  oauthErrorHandler,
} from './issuance/router.ts';
import { issuerOpenApi } from './openapi.ts';
import { REGISTRY_MIGRATIONS } from './registry/migrations.ts';
import { createRegistryRouter, ensureRegistryIdentity } from './registry/router.ts';
import { STATS_MIGRATIONS, createStatsRouter } from './stats/index.ts';

/** Builds the issuing service: database, Veramo agent, the registry's identity, and the routes. */
export async function buildIssuer(config: Config, logger: Logger, now: () => Date = () => new Date()): Promise<BuiltService> {
  const db = await openDatabase({
    name: 'issuer',
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    migrations: [...AGENT_MIGRATIONS, ...REGISTRY_MIGRATIONS, ...ISSUANCE_MIGRATIONS, ...STATS_MIGRATIONS],
  });
  const fetch = createGuardedFetch({ httpHosts: config.didWebHttpHosts });
  const dids = createDidResolver({ fetch, httpHosts: config.didWebHttpHosts });
  const agent = createPassportAgent({ db, keyBox: createSecretBox(config.passportSecret, 'agent-keys'), dids });
  const deps: IssuerDeps = { config, db, agent, dids, fetch, logger, now };
  await ensureRegistryIdentity(deps);

  const app = createServiceApp({ logger, openApi: () => issuerOpenApi(config) });
  // Bodies are read only after the rate limit and, for the API, after authentication.
  app.use(writeRateLimit(config.writeRateLimit));
  // OpenID4VCI carries its own access tokens: it runs before API-key authentication.
  app.use(OAUTH_ERROR_PATHS, parseBodies());
  app.use(createCredentialIssuerRouter(deps));
  app.use(authenticate(deps));
  app.use(parseBodies({ parsedByRoute: ISSUANCE_ROUTES_PARSING_OWN_BODY }));
  app.use(createRegistryRouter(deps));
  app.use(createIssuanceRouter(deps));
  app.use(createStatsRouter(deps));
  app.use(createDashboardRouter());
  app.use(notFoundHandler);
  app.use(OAUTH_ERROR_PATHS, oauthErrorHandler);
  app.use(problemHandler(logger));
  return { app, close: () => db.close() };
}
