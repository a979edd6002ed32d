import { randomBytes } from 'node:crypto';
import { hashToken } from '../../shared/crypto/index.ts';
import type { Database, Queryable } from '../../shared/db/index.ts';

/** How many codes a volunteer gets at once; each works once. */
export const RECOVERY_CODE_COUNT = 10;
/** Letters and digits that cannot be mistaken for each other when copied from paper (no 0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A code is 12 characters from a 31-letter alphabet (about 59 bits), shown as `xxxx-xxxx-xxxx`.
 * That is far beyond guessing under the sign-in limit, so a SHA-256 of it is enough to store
 * (a slow hash would only matter for low-entropy secrets such as passwords).
 */
function newCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((g) => g.join('')).join('-');
}

/** What is compared: lower case, without spaces or dashes, so "ABCD EFGH-jkmn" matches. */
export function normalizeCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

function codeHash(code: string): string {
  return hashToken(`recovery:${normalizeCode(code)}`);
}

/**
 * Replaces every recovery code of the account with fresh ones and returns them: the only time
 * they exist in clear. Old codes stop working at once.
 */
export async function replaceRecoveryCodes(db: Database, accountId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await db.transaction(async (tx) => {
    await tx.run('DELETE FROM recovery_codes WHERE account_id = ?', [accountId]);
    for (const code of codes) {
      await tx.run('INSERT INTO recovery_codes (account_id, code_hash, created_at) VALUES (?, ?, ?)', [accountId, codeHash(code), now.toISOString()]);
    }
  });
  return codes;
}

/** Uses up one code: true only if it was the account's and unused. One DELETE, so two parallel uses cannot both pass. */
export async function useRecoveryCode(db: Queryable, accountId: string, code: string): Promise<boolean> {
  const used = await db.run('DELETE FROM recovery_codes WHERE account_id = ? AND code_hash = ?', [accountId, codeHash(code)]);
  return used.changes === 1;
}

export async function remainingRecoveryCodes(db: Queryable, accountId: string): Promise<number> {
  const row = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM recovery_codes WHERE account_id = ?', [accountId]);
  return Number(row?.n ?? 0);
}
