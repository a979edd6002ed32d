import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { hashToken, randomId } from '../../shared/crypto/index.ts';
import type { Volunteer } from '../accounts/index.ts';
import { loadCredentialsById } from '../credentials/index.ts';
import type { WalletDeps } from '../deps.ts';
import { parseInput } from '../../shared/http/index.ts';
import { signPresentation } from '../presentations/vp.ts';
import { shareQrUrl, shareUrl } from './links.ts';

export const MAX_SHARED_CREDENTIALS = 200;

export const NewShareSchema = z
  .object({
    credentialIds: z
      .array(z.string().min(1).max(200), { message: 'must be an array of credential ids' })
      .min(1, 'must name at least one credential')
      .max(MAX_SHARED_CREDENTIALS, `must name at most ${MAX_SHARED_CREDENTIALS} credentials`)
      .refine((ids) => new Set(ids).size === ids.length, 'must not name a credential twice'),
    expiresInDays: z.number({ message: 'must be a number of days' }).int('must be a whole number of days').min(1, 'must be at least 1').max(365, 'must be at most 365'),
  })
  .strict();

export interface NewShare {
  id: string;
  url: string;
  qrUrl: string;
  expiresAt: string;
}

/**
 * A share link: the chosen credentials in a presentation signed by the volunteer's key, valid
 * until the link expires, behind a random 192-bit token. The token is stored as its hash (to find
 * the share) and sealed (so its owner can see the link again); the presentation is signed once.
 */
export async function createShare(deps: Pick<WalletDeps, 'db' | 'holders' | 'config' | 'shareLinks' | 'now'>, volunteer: Volunteer, body: unknown): Promise<NewShare> {
  const input = parseInput(NewShareSchema, body);
  return shareCredentials(deps, volunteer, input.credentialIds, input.expiresInDays);
}

export async function shareCredentials(
  deps: Pick<WalletDeps, 'db' | 'holders' | 'config' | 'shareLinks' | 'now'>,
  volunteer: Volunteer,
  credentialIds: readonly string[],
  expiresInDays: number,
): Promise<NewShare> {
  const credentials = await loadCredentialsById(deps.db, volunteer.id, credentialIds);
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + expiresInDays * 86_400_000);
  const vp = await signPresentation(deps.holders.signer(volunteer), credentials.map((c) => c.jwt), { now, expiresAt });
  const id = randomUUID();
  const token = randomId(24);
  await deps.db.run(
    `INSERT INTO shares (id, account_id, token_hash, sealed_token, credential_ids, vp_jwt, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, volunteer.id, hashToken(token), deps.shareLinks.seal(Buffer.from(token)), JSON.stringify(credentialIds), vp, now.toISOString(), expiresAt.toISOString()],
  );
  return { id, url: shareUrl(deps.config, token), qrUrl: shareQrUrl(deps.config, id), expiresAt: expiresAt.toISOString() };
}
