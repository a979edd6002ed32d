import type { Config } from '../shared/config.ts';
import { openDatabase, type Migration } from '../shared/db/index.ts';
import { createDidResolver } from '../shared/did/index.ts';
import { RATE_LIMIT_MIGRATION, createServiceApp, notFoundHandler, parseBodies, problemHandler, writeRateLimit } from '../shared/http/index.ts';
import type { Logger } from '../shared/logger.ts';
import { createGuardedFetch } from '../shared/net/index.ts';
import type { BuiltService } from '../shared/service/run.ts';
import type { VerifierDeps } from './deps.ts';
import { verifierOpenApi } from './openapi.ts';
import { createPagesRouter } from './pages/router.ts';
import { REQUEST_MIGRATIONS } from './requests/migrations.ts';
import { createRequestsRouter } from './requests/router.ts';
import { createVcApiRouter } from './routes/vc-api-router.ts';
import { verifyInFront } from './routes/verify-fast.ts';
import { createVerifyRouter } from './routes/verify-router.ts';
import { createTokenStatusListSource } from '../shared/status-list/index.ts';
import { createStatusListSource } from './sources/status-lists.ts';
import { createTrustListSource } from './sources/trust-list.ts';
import { createVerifier } from './verification/verifier.ts';

/** Every table of the verifier, in its SQLite file or its PostgreSQL schema `verifier` (also applied by `npm run migrate`). */
export const VERIFIER_MIGRATIONS: readonly Migration[] = [...REQUEST_MIGRATIONS, RATE_LIMIT_MIGRATION];

/**
 * Builds the verification service: its database (presentation requests only), the guarded fetch
 * and the cached sources (DID documents, trust list, status lists), and the routes and pages.
 * It needs nothing of the issuer but its public URLs: the trust list and the DIDs.
 */
export async function buildVerifier(config: Config, logger: Logger, now: () => Date = () => new Date()): Promise<BuiltService> {
  const db = await openDatabase({ name: 'verifier', dataDir: config.dataDir, databaseUrl: config.databaseUrl, migrations: VERIFIER_MIGRATIONS });
  const ttlMs = config.verifierCacheSeconds * 1000;
  const fetch = createGuardedFetch({ httpHosts: config.didWebHttpHosts });
  const dids = createDidResolver({ fetch, httpHosts: config.didWebHttpHosts, cacheTtlMs: ttlMs, now: () => now().getTime() });
  const verifier = createVerifier(
    {
      dids,
      trustLists: createTrustListSource({ url: config.trustListUrl, registryDid: config.registryDid, fetch, dids, ttlMs, now }),
      statusLists: createStatusListSource({ fetch, dids, maxAgeMs: ttlMs, now }),
      tokenStatusLists: createTokenStatusListSource({ fetch, dids, maxAgeMs: ttlMs, now }),
      clockSkewSeconds: config.verifierClockSkewSeconds,
      deadlineMs: config.verifyDeadlineSeconds * 1000,
      now,
    },
    fetch,
  );
  const deps: VerifierDeps = { config, db, fetch, verifier, logger, now };

  const app = createServiceApp({ logger, trustProxy: config.trustProxy, openApi: () => verifierOpenApi(config) });
  const limit = writeRateLimit(db, config.writeRateLimit);
  app.use(limit);
  // Bodies are read after the rate limit (authentication is per route, by session or none).
  app.use(parseBodies());
  app.use(createVerifyRouter(deps));
  app.use(createVcApiRouter(deps));
  app.use(createRequestsRouter(deps));
  app.use(createPagesRouter(deps));
  app.use(notFoundHandler);
  app.use(problemHandler(logger));
  return { app, handler: verifyInFront(app, deps, limit), close: () => db.close() };
}
