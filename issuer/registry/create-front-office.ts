import { z } from 'zod';
import { PassportError } from '../../shared/errors.ts';
import { audit } from '../audit/index.ts';
import { createApiKey, type Actor } from '../auth/index.ts';
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
): Promise<{ id: string; apiKey: string; apiKeyId: string }> {
  const at = deps.now().toISOString();
  const key = await deps.db.transaction(async (tx) => {
    const { changes } = await tx.run(
      'INSERT INTO front_offices (id, name_kk, name_ru, name_en, region, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      [input.id, input.name.kk, input.name.ru, input.name.en, input.region, at],
    );
    if (changes === 0) throw await conflictOf(tx, input);
    const created = await createApiKey(tx, { kind: 'front_office', id: input.id }, at);
    await audit(tx, { at: new Date(at), actor, action: 'front_office.created', subject: input.id, detail: { region: input.region, apiKeyId: created.id } });
    return created;
  });
  return { id: input.id, apiKey: key.apiKey, apiKeyId: key.id };
}

async function conflictOf(tx: Pick<IssuerDeps['db'], 'get'>, input: FrontOfficeInput): Promise<PassportError> {
  const sameId = await tx.get('SELECT id FROM front_offices WHERE id = ?', [input.id]);
  return sameId
    ? new PassportError('conflict', `A front office with id ${input.id} exists already`, { field: 'id' })
    : new PassportError('conflict', `Region ${input.region} has a front office already`, { field: 'region' });
}
