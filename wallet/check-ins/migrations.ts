import type { Migration } from '../../shared/db/index.ts';

/**
 * Event check-ins waiting for the coordinator (issue 12): the issuer answered a claim with a
 * deferred `transaction_id`; the access token and the transaction id that fetch the credential
 * later are sealed at rest (they are bearer secrets), the transaction also kept as a hash so a
 * second check-in to the same event finds the first.
 */
export const CHECK_IN_TABLES: Migration = {
  id: 108,
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
