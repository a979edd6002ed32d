import type { Config } from '../shared/config.ts';
import { createSecretBox } from '../shared/crypto/index.ts';
import { openDatabase, type Migration } from '../shared/db/index.ts';
import { createDidResolver } from '../shared/did/index.ts';
import { RATE_LIMIT_MIGRATION, cookieCsrfGuard, createServiceApp, notFoundHandler, parseBodies, problemHandler, writeRateLimit } from '../shared/http/index.ts';
import type { Logger } from '../shared/logger.ts';
import { createMailer } from '../shared/mail/index.ts';
import { createGuardedFetch } from '../shared/net/index.ts';
import type { BuiltService } from '../shared/service/run.ts';
import { createAccountsRouter } from './accounts/index.ts';
import { createClaimRouter } from './claim/index.ts';
import { createCredentialsRouter, createCredentialStatusChecker } from './credentials/index.ts';
import type { WalletDeps } from './deps.ts';
import { createExchangeRouter } from './exchange/index.ts';
import { createHolderKeys } from './holder/index.ts';
import { WALLET_MIGRATIONS } from './migrations.ts';
import { walletOpenApi } from './openapi.ts';
import { createPagesRouter } from './pages/router.ts';
import { createEmailRecoveryRouter } from './email-recovery/index.ts';
import { createPassportPdfRouter } from './pdf/index.ts';
import { createPresentationsRouter } from './presentations/index.ts';
import { createSessionsRouter, SESSION_COOKIE } from './sessions/index.ts';
import { createSharesRouter } from './shares/index.ts';
import { createTotalsRouter } from './totals/index.ts';

/** Every table of the wallet, in its SQLite file or its PostgreSQL schema `wallet` (also applied by `npm run migrate`). */
export const WALLET_DATABASE_MIGRATIONS: readonly Migration[] = [...WALLET_MIGRATIONS, RATE_LIMIT_MIGRATION];

/** Builds the wallet: database, holder keys, status checks with their caches, the JSON API and the pages. */
export async function buildWallet(config: Config, logger: Logger, now: () => Date = () => new Date()): Promise<BuiltService> {
  const db = await openDatabase({ name: 'wallet', dataDir: config.dataDir, databaseUrl: config.databaseUrl, migrations: WALLET_DATABASE_MIGRATIONS });
  const fetch = createGuardedFetch({ httpHosts: config.didWebHttpHosts });
  const dids = createDidResolver({ fetch, httpHosts: config.didWebHttpHosts, cacheTtlMs: config.walletCacheSeconds * 1000 });
  const deps: WalletDeps = {
    config,
    db,
    fetch,
    dids,
    holders: createHolderKeys(config.passportSecret),
    status: createCredentialStatusChecker({ config, fetch, dids, now, cacheTtlMs: config.walletCacheSeconds * 1000 }),
    shareLinks: createSecretBox(config.passportSecret, 'share-links'),
    identities: createSecretBox(config.passportSecret, 'sd-jwt-vcs'),
    logger,
    ...(config.smtpUrl ? { mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }) } : {}),
    now,
  };

  const app = createServiceApp({ logger, trustProxy: config.trustProxy, openApi: () => walletOpenApi(config) });
  app.use(writeRateLimit(db, config.writeRateLimit));
  // Every write the session cookie can authenticate must come from the wallet's own pages.
  app.use(cookieCsrfGuard({ cookieName: SESSION_COOKIE, publicUrl: config.walletUrl }));
  // Bodies are read after the rate limit (authentication is per route, by session or none).
  app.use(parseBodies());
  app.use(createAccountsRouter(deps));
  app.use(createEmailRecoveryRouter(deps));
  app.use(createSessionsRouter(deps));
  app.use(createClaimRouter(deps));
  app.use(createCredentialsRouter(deps));
  app.use(createTotalsRouter(deps));
  app.use(createSharesRouter(deps));
  app.use(createPresentationsRouter(deps));
  app.use(createPassportPdfRouter(deps));
  app.use(createExchangeRouter(deps));
  app.use(createPagesRouter({ config, logger }));
  app.use(notFoundHandler);
  app.use(problemHandler(logger));
  return {
    app,
    close: async () => {
      deps.mailer?.close();
      await db.close();
    },
  };
}
