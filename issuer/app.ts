import { EVENT_MIGRATIONS, createEventsRouter } from './events/index.ts';
import { AGENT_MIGRATIONS, createPassportAgent } from '../shared/agent/index.ts';
import type { Config } from '../shared/config.ts';
import { createSecretBox } from '../shared/crypto/index.ts';
import { openDatabase, type Migration } from '../shared/db/index.ts';
import { createDidResolver } from '../shared/did/index.ts';
import { RATE_LIMIT_MIGRATION, cookieCsrfGuard, createServiceApp, notFoundHandler, parseBodies, problemHandler, writeRateLimit } from '../shared/http/index.ts';
import type { Logger } from '../shared/logger.ts';
import { createGuardedFetch } from '../shared/net/index.ts';
import type { BuiltService } from '../shared/service/run.ts';
import { authenticate, viewersReadOnly } from './auth/index.ts';
import type { IssuerDeps } from './deps.ts';
import { createApiKeysRouter } from './api-keys/index.ts';
import { createConsoleRouter } from './console/index.ts';
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
import { createJournalRouter } from './journal/index.ts';
import { REGISTRY_MIGRATIONS } from './registry/migrations.ts';
import { createRegistryRouter, ensureRegistryIdentity } from './registry/router.ts';
import { STAFF_COOKIE, STAFF_MIGRATIONS, createStaffRouter } from './staff/index.ts';
import { STATS_MIGRATIONS, createStatsRouter } from './stats/index.ts';
import { startMailWorker } from './activities/index.ts';
import { createProjectsRouter } from './projects/index.ts';

/**
 * Every table of the issuer, in its SQLite file or its PostgreSQL schema `issuer`, in order (also
 * applied by `npm run migrate`; the `invite-admin` command opens the same database).
 */
export const ISSUER_MIGRATIONS: readonly Migration[] = [...AGENT_MIGRATIONS, ...REGISTRY_MIGRATIONS, ...ISSUANCE_MIGRATIONS, ...STATS_MIGRATIONS, ...STAFF_MIGRATIONS, ...EVENT_MIGRATIONS, RATE_LIMIT_MIGRATION];

/** Builds the issuing service: database, Veramo agent, the registry's identity, and the routes. */
export async function buildIssuer(config: Config, logger: Logger, now: () => Date = () => new Date()): Promise<BuiltService> {
  const db = await openDatabase({ name: 'issuer', dataDir: config.dataDir, databaseUrl: config.databaseUrl, migrations: ISSUER_MIGRATIONS });
  const fetch = createGuardedFetch({ httpHosts: config.didWebHttpHosts });
  const dids = createDidResolver({ fetch, httpHosts: config.didWebHttpHosts });
  const agent = createPassportAgent({ db, keyBox: createSecretBox(config.passportSecret, 'agent-keys'), dids });
  const deps: IssuerDeps = { config, db, agent, dids, fetch, logger, now };
  await ensureRegistryIdentity(deps);

  const app = createServiceApp({ logger, trustProxy: config.trustProxy, openApi: () => issuerOpenApi(config) });
  // Bodies are read only after the rate limit and, for the API, after authentication.
  app.use(writeRateLimit(db, config.writeRateLimit));
  // OpenID4VCI carries its own access tokens: it runs before API-key authentication.
  app.use(OAUTH_ERROR_PATHS, parseBodies());
  app.use(createCredentialIssuerRouter(deps));
  // Console pages write with the session cookie: only same-origin JSON writes may use it.
  app.use(cookieCsrfGuard({ cookieName: STAFF_COOKIE, publicUrl: config.issuerUrl }));
  app.use(authenticate(deps));
  app.use(viewersReadOnly);
  app.use(parseBodies({ parsedByRoute: ISSUANCE_ROUTES_PARSING_OWN_BODY }));
  app.use(createStaffRouter(deps));
  app.use(createApiKeysRouter(deps));
  app.use(createJournalRouter(deps));
  app.use(createRegistryRouter(deps));
  app.use(createIssuanceRouter(deps));
  app.use(createEventsRouter(deps));
  app.use(createProjectsRouter(deps));
  app.use(createStatsRouter(deps));
  app.use(createDashboardRouter());
  app.use(createConsoleRouter(deps));
  app.use(notFoundHandler);
  app.use(OAUTH_ERROR_PATHS, oauthErrorHandler);
  app.use(problemHandler(logger));
  // Offer e-mails go out from the durable outbox, whichever instance leases them first.
  const mail = config.smtpUrl ? startMailWorker(deps, createSecretBox(config.passportSecret, 'offer-links')) : undefined;
  return {
    app,
    close: async () => {
      await mail?.stop();
      await db.close();
    },
  };
}
