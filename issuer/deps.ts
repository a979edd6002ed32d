import type { PassportAgent } from '../shared/agent/index.ts';
import type { Config } from '../shared/config.ts';
import type { Database } from '../shared/db/index.ts';
import type { DidResolver } from '../shared/did/index.ts';
import type { Logger } from '../shared/logger.ts';
import type { GuardedFetch } from '../shared/net/index.ts';

/**
 * What the issuer's routers and operations receive. Nothing in `issuer/` reads the environment
 * or opens its own connections: tests build these with a temporary database and a frozen clock.
 */
export interface IssuerDeps {
  config: Config;
  db: Database;
  agent: PassportAgent;
  dids: DidResolver;
  fetch: GuardedFetch;
  logger: Logger;
  /** The current time; tests freeze it. */
  now: () => Date;
}
