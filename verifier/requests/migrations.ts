import type { Migration } from '../../shared/db/index.ts';

/**
 * OpenID4VP presentation requests and their answers. They live in the database, not in process
 * memory, so that several verifier instances behind one load balancer share them: the wallet's
 * answer may reach another instance than the one that made the request.
 */
export const REQUEST_MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'presentation_requests',
    sql: `
      CREATE TABLE presentation_requests (
        id TEXT PRIMARY KEY,
        nonce TEXT NOT NULL UNIQUE,
        purpose TEXT NOT NULL,
        policy TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'answered', 'verified', 'failed')),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        answered_at TEXT,
        result TEXT
      );
      CREATE INDEX presentation_requests_expiry ON presentation_requests (expires_at);
    `,
  },
  {
    // The id is in the QR that anyone in the room can see; the result (a volunteer's name, DID
    // and activities) is read with a token only the requesting page holds, and forgotten soon
    // after. Requests made before this have no token and can no longer be read.
    id: 2,
    name: 'read tokens for presentation requests',
    sql: `
      ALTER TABLE presentation_requests ADD COLUMN read_token_hash TEXT;
      ALTER TABLE presentation_requests ADD COLUMN first_read_at TEXT;
      CREATE INDEX presentation_requests_first_read ON presentation_requests (first_read_at)
    `,
  },
  {
    // The IIN an employer typed, kept only as a salt and a keyed hash of it for the comparison
    // (the hash is dropped once the answer is judged); the result keeps only matched true/false.
    id: 3,
    name: 'the IIN to compare, salted and hashed',
    sql: `
      ALTER TABLE presentation_requests ADD COLUMN iin_salt TEXT;
      ALTER TABLE presentation_requests ADD COLUMN iin_hash TEXT
    `,
  },
];
