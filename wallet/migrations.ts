import { signInAttemptsMigration } from '../shared/auth/index.ts';
import type { Migration } from '../shared/db/index.ts';

/**
 * The wallet's tables. Everything two instances of the wallet must agree on lives here: accounts,
 * sessions (hashes only), sign-in and sign-up attempt counters (for the limits), credentials, claimed offers
 * (hashes only), share links and fetched presentation requests. Timestamps are ISO 8601 UTC
 * strings, which compare correctly as text.
 */
export const WALLET_MIGRATIONS: readonly Migration[] = [
  {
    id: 101,
    name: 'volunteers, sessions and sign-in failures',
    sql: `
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        did TEXT NOT NULL UNIQUE,
        public_key TEXT NOT NULL,
        sealed_key TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_account ON sessions (account_id);
      CREATE TABLE sign_in_failures (
        id TEXT PRIMARY KEY,
        login TEXT NOT NULL,
        client TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX sign_in_failures_login ON sign_in_failures (login, at);
      CREATE INDEX sign_in_failures_client ON sign_in_failures (client, at)
    `,
  },
  {
    id: 102,
    name: 'credentials and claimed offers',
    sql: `
      CREATE TABLE credentials (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        jwt TEXT NOT NULL,
        issuer_did TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        stored_at TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('claim', 'import')),
        PRIMARY KEY (account_id, id)
      );
      CREATE TABLE claimed_offers (
        offer_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        claimed_at TEXT NOT NULL
      )
    `,
  },
  {
    id: 103,
    name: 'share links and presentation requests',
    sql: `
      CREATE TABLE shares (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        sealed_token TEXT NOT NULL,
        credential_ids TEXT NOT NULL,
        vp_jwt TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX shares_account ON shares (account_id);
      CREATE TABLE presentation_requests (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        uri_hash TEXT NOT NULL,
        request TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        PRIMARY KEY (account_id, uri_hash)
      )
    `,
  },
  // Sign-in attempts are counted before the password is checked, with a backoff per login
  // (shared/auth/sign-in-limit.ts); the failures table that counted after the check goes.
  signInAttemptsMigration(104),
  { id: 105, name: 'drop the sign-in failures counted after the check', sql: 'DROP TABLE sign_in_failures' },
  {
    id: 106,
    name: 'recovery codes (hashes only) and a display name',
    sql: `
      CREATE TABLE recovery_codes (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        code_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (account_id, code_hash)
      );
      ALTER TABLE accounts ADD COLUMN display_name TEXT
    `,
  },
  {
    // An SD-JWT VC of the same activity is kept with its VC-JWT, as one item: the VC-JWT is what
    // shares and totals use; the SD-JWT VC is what discloses the name and IIN by choice. It
    // carries the IIN, so it is sealed at rest; the names of its disclosable claims are not secret.
    id: 107,
    name: 'SD-JWT VC attached to a credential',
    sql: `
      ALTER TABLE credentials ADD COLUMN sd_jwt_sealed TEXT;
      ALTER TABLE credentials ADD COLUMN sd_jwt_claims TEXT
    `,
  },
  {
    // Optional e-mail recovery: the confirmed address on the account, and single-use links
    // (confirm an address, reset the password) kept only as hashes, each with its expiry.
    id: 108,
    name: 'recovery e-mail and e-mail links',
    sql: `
      ALTER TABLE accounts ADD COLUMN email TEXT;
      CREATE INDEX accounts_email ON accounts (email);
      CREATE TABLE email_links (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        purpose TEXT NOT NULL CHECK (purpose IN ('confirm_email', 'reset_password')),
        email TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX email_links_account ON email_links (account_id)
    `,
  },
];
