import type { Migration } from '../../shared/db/index.ts';

/**
 * Event check-ins waiting for the coordinator (issue 12): the issuer answered a claim with a
 * deferred `transaction_id`; the access token and the transaction id that fetch the credential
 * later are sealed at rest (they are bearer secrets), the transaction also kept as a hash so a
 * second check-in to the same event finds the first.
 */
export const CHECK_IN_TABLES: Migration = {
  id: 110,
  name: 'event check-ins waiting for deferred issuance',
  sql: `
    CREATE TABLE check_ins (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      issuer TEXT NOT NULL,
      deferred_endpoint TEXT NOT NULL,
      cancel_endpoint TEXT,
      transaction_hash TEXT NOT NULL,
      sealed TEXT NOT NULL,
      event TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('waiting', 'issued', 'declined', 'expired', 'cancelled')),
      reason TEXT,
      credential_id TEXT,
      interval_seconds INTEGER NOT NULL,
      checked_in_at TEXT NOT NULL,
      polled_at TEXT,
      updated_at TEXT NOT NULL,
      UNIQUE (account_id, issuer, transaction_hash)
    );
    CREATE INDEX check_ins_by_account ON check_ins (account_id, status, checked_in_at)
  `,
};

/**
 * Personal check-in requests, for volunteers whose camera does not work: the wallet shows a QR of
 * a one-time link (`/v1/check-ins/inbox/{token}`), the coordinator's page scans it and has the
 * issuer post the event's offer there. Only the token's hash is kept.
 */
export const CHECK_IN_REQUEST_TABLES: Migration = {
  id: 111,
  name: 'personal check-in requests',
  sql: `
    CREATE TABLE check_in_requests (
      token_hash TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      expires_at TEXT NOT NULL,
      used_at TEXT
    );
    CREATE INDEX check_in_requests_by_expiry ON check_in_requests (expires_at)
  `,
};
