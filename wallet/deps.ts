import type { Config } from '../shared/config.ts';
import type { SecretBox } from '../shared/crypto/index.ts';
import type { Database } from '../shared/db/index.ts';
import type { DidResolver } from '../shared/did/index.ts';
import type { Logger } from '../shared/logger.ts';
import type { Mailer } from '../shared/mail/index.ts';
import type { GuardedFetch } from '../shared/net/index.ts';
import type { CredentialStatusChecker } from './credentials/status.ts';
import type { HolderKeys } from './holder/keys.ts';

/**
 * What the wallet's routers and operations receive. Nothing in `wallet/` reads the environment or
 * opens its own connections: tests build these with a temporary database and a frozen clock.
 */
export interface WalletDeps {
  config: Config;
  db: Database;
  /** The guarded fetch: every URL that came from an offer, a request or a credential goes through it. */
  fetch: GuardedFetch;
  dids: DidResolver;
  /** Volunteers' did:key keys, sealed at rest, opened keys kept in a bounded cache. */
  holders: HolderKeys;
  /** Signature, status list and trust list checks of stored credentials, with short-lived caches. */
  status: CredentialStatusChecker;
  /** Seals share-link tokens at rest (purpose `share-links`), so the owner can see a link again. */
  shareLinks: SecretBox;
  /** Seals the SD-JWT VCs kept beside credentials at rest (purpose `sd-jwt-vcs`): they carry the volunteer's IIN. */
  identities: SecretBox;
  logger: Logger;
  /** Sends confirmation and password-reset links; absent when `SMTP_URL` is not set (no e-mail recovery then). */
  mailer?: Mailer;
  /** The current time; tests freeze it. */
  now: () => Date;
}
