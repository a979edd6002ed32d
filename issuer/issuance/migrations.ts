import type { Migration } from '../../shared/db/index.ts';

/**
 * The issuing side's tables. Offer links, pre-authorized codes, access tokens and nonces are
 * stored only as SHA-256 hashes (an offer link also sealed, so its organization can print it
 * again); status list bits are not stored at all but derived from `credentials.revoked_at`, so the
 * list can never disagree with the revocations it publishes.
 */
export const ISSUANCE_TABLES: Migration = {
  id: 200,
  name: 'issuance',
  sql: `
    CREATE TABLE activities (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES organizations (id),
      volunteer_name TEXT NOT NULL,
      volunteer_email TEXT,
      activity TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('offered', 'claimed', 'revoked', 'withdrawn')),
      idempotency_key TEXT,
      request_hash TEXT NOT NULL,
      offer_hash TEXT NOT NULL UNIQUE,
      offer_sealed TEXT NOT NULL,
      offer_expires_at TEXT NOT NULL,
      withdrawn_at TEXT,
      withdraw_reason TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (organization_id, idempotency_key)
    );
    CREATE INDEX activities_by_organization ON activities (organization_id, created_at, id);
    CREATE INDEX activities_by_status ON activities (organization_id, status, created_at, id);
    CREATE TABLE preauthorized_codes (
      code_hash TEXT PRIMARY KEY,
      activity_id TEXT NOT NULL REFERENCES activities (id),
      expires_at TEXT NOT NULL,
      used_at TEXT
    );
    CREATE INDEX preauthorized_codes_by_activity ON preauthorized_codes (activity_id, expires_at);
    CREATE TABLE access_tokens (
      token_hash TEXT PRIMARY KEY,
      activity_id TEXT NOT NULL REFERENCES activities (id),
      code_hash TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_at TEXT,
      revoked_at TEXT
    );
    CREATE INDEX access_tokens_by_code ON access_tokens (code_hash);
    CREATE TABLE credential_nonces (
      nonce_hash TEXT PRIMARY KEY,
      expires_at TEXT NOT NULL
    );
    CREATE INDEX credential_nonces_by_expiry ON credential_nonces (expires_at);
    CREATE TABLE status_lists (
      organization_id TEXT NOT NULL REFERENCES organizations (id),
      list_no INTEGER NOT NULL,
      size INTEGER NOT NULL,
      used INTEGER NOT NULL,
      version INTEGER NOT NULL,
      signed_version INTEGER,
      signed_jwt TEXT,
      created_at TEXT NOT NULL,
      PRIMARY KEY (organization_id, list_no)
    );
    CREATE TABLE credentials (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES organizations (id),
      activity_id TEXT UNIQUE REFERENCES activities (id),
      holder_did TEXT NOT NULL,
      status_list INTEGER NOT NULL,
      status_index INTEGER NOT NULL,
      issued_at TEXT NOT NULL,
      revoked_at TEXT,
      revoke_reason TEXT,
      UNIQUE (organization_id, status_list, status_index)
    );
    CREATE INDEX credentials_revoked ON credentials (organization_id, status_list, revoked_at)
  `,
};

/**
 * The volunteer's IIN, sealed like private keys (the organization typed it; it leaves the issuer
 * only inside the volunteer's SD-JWT VC), and which credential configurations an access token has
 * been used for: OpenID4VCI 1.0 lets one token fetch each offered configuration once, so one offer
 * gives a volunteer both formats of the same activity.
 */
export const IDENTITY_TABLES: Migration = {
  id: 201,
  name: 'volunteer IIN and one credential per configuration',
  sql: `
    ALTER TABLE activities ADD COLUMN volunteer_iin_sealed TEXT;
    CREATE TABLE access_token_credentials (
      token_hash TEXT NOT NULL REFERENCES access_tokens (token_hash),
      configuration_id TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      PRIMARY KEY (token_hash, configuration_id)
    )
  `,
};
