import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../shared/db/index.ts';
import { createPresentationRequest } from '../../../verifier/requests/create.ts';
import { parseRequestInput } from '../../../verifier/requests/input.ts';
import { REQUEST_MIGRATIONS } from '../../../verifier/requests/migrations.ts';
import { REQUEST_RETENTION_DAYS, findRequest, publicStatus } from '../../../verifier/requests/store.ts';
import { openTestDatabase } from '../../helpers/database.ts';
import { tempDataDir } from '../../helpers/services.ts';

describe('createPresentationRequest', () => {
  const dataDir = tempDataDir('verifier-requests-');
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase('verifier', dataDir, REQUEST_MIGRATIONS);
  });
  afterAll(async () => {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const create = (now: Date) => createPresentationRequest({ db, verifierUrl: 'https://verifier.example', lifetimeSeconds: 600, now: () => now }, parseRequestInput({ minHours: 5 }));

  it('stores a pending request with its policy, a fresh nonce and an expiry', async () => {
    const now = new Date('2026-05-02T10:00:00Z');
    const created = await create(now);
    expect(created.expiresAt).toBe('2026-05-02T10:10:00.000Z');
    const stored = (await findRequest(db, created.id))!;
    expect(stored).toMatchObject({ status: 'pending', policy: { minHours: 5 }, purpose: { en: 'Checking your volunteer experience' } });
    expect(publicStatus(stored, now)).toBe('pending');
    expect(publicStatus(stored, new Date('2026-05-02T10:10:00Z'))).toBe('expired');
    expect(stored.nonce).not.toBe((await findRequest(db, (await create(now)).id))!.nonce);
  });

  it(`forgets requests (and their results) ${REQUEST_RETENTION_DAYS} days after they expired`, async () => {
    const old = await create(new Date('2026-05-02T10:00:00Z'));
    const kept = await create(new Date('2026-05-08T10:00:00Z'));
    await create(new Date('2026-05-09T10:11:00Z'));
    expect(await findRequest(db, old.id)).toBeUndefined();
    expect(await findRequest(db, kept.id)).toBeDefined();
  });
});
