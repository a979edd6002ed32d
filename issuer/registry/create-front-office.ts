import { z } from 'zod';
import { hashToken, newToken } from '../../shared/crypto/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { audit } from '../audit.ts';
import type { Actor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { fullName, regionCode, slug } from './fields.ts';

export const FrontOfficeInput = z.object({ id: slug, name: fullName, region: regionCode }).strict();
export type FrontOfficeInput = z.infer<typeof FrontOfficeInput>;

/**
 * Opens a regional front office (one per region) and hands out its API key, once: only the
 * key's hash is kept. The office, its key and the audit record are written together.
 */
export async function createFrontOffice(
  deps: Pick<IssuerDeps, 'db' | 'now'>,
  actor: Actor,
  input: FrontOfficeInput,
): Promise<{ id: string; apiKey: string }> {
  const apiKey = newToken('vp_fo');
  const at = deps.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const { changes } = await tx.run(
      'INSERT INTO front_offices (id, name_kk, name_ru, name_en, region, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      [input.id, input.name.kk, input.name.ru, input.name.en, input.region, at],
    );
    if (changes === 0) throw await conflictOf(tx, input);
    await tx.run("INSERT INTO api_keys (key_hash, owner_kind, owner_id, created_at) VALUES (?, 'front_office', ?, ?)", [hashToken(apiKey), input.id, at]);
    await audit(tx, { at: new Date(at), actor, action: 'front_office.created', subject: input.id, detail: { region: input.region } });
  });
  return { id: input.id, apiKey };
}

async function conflictOf(tx: Pick<IssuerDeps['db'], 'get'>, input: FrontOfficeInput): Promise<PassportError> {
  const sameId = await tx.get('SELECT id FROM front_offices WHERE id = ?', [input.id]);
  return sameId
    ? new PassportError('conflict', `A front office with id ${input.id} exists already`, { field: 'id' })
    : new PassportError('conflict', `Region ${input.region} has a front office already`, { field: 'region' });
}
