import type { Config } from '../shared/config.ts';
import type { Database } from '../shared/db/index.ts';
import type { Logger } from '../shared/logger.ts';
import type { GuardedFetch } from '../shared/net/index.ts';
import type { Verifier } from './verification/verifier.ts';

/**
 * What the verifier's routers receive. Nothing in `verifier/` reads the environment or opens its
 * own connections: tests build these with a temporary database and a chosen clock.
 */
export interface VerifierDeps {
  config: Config;
  db: Database;
  fetch: GuardedFetch;
  verifier: Verifier;
  logger: Logger;
  now: () => Date;
}
