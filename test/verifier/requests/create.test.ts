import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../shared/db/index.ts';
import { createPresentationRequest } from '../../../verifier/requests/create.ts';
import { parseRequestInput } from '../../../verifier/requests/input.ts';
import { REQUEST_MIGRATIONS } from '../../../verifier/requests/migrations.ts';
import { iinComparison } from '../../../verifier/requests/iin-hash.ts';
import { claimRequest, findRequest, markResultRead, publicStatus, recordResult } from '../../../verifier/requests/store.ts';
import type { VerificationResult } from '../../../verifier/verification/report.ts';
import { iinFor, withWrongCheckDigit } from '../../helpers/iin.ts';
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

  const SECRET = 'verifier-unit-test-secret-0123456789';
  const deps = (now: Date) => ({ db, verifierUrl: 'https://verifier.example', lifetimeSeconds: 600, now: () => now, passportSecret: SECRET });
  const create = (now: Date) => createPresentationRequest(deps(now), parseRequestInput({ minHours: 5 }));

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

  it('keeps only the hash of the read token it hands out', async () => {
    const created = await create(new Date('2026-05-02T10:00:00Z'));
    expect(created.readToken).toMatch(/^vp_read_[A-Za-z0-9_-]{43}$/);
    const stored = (await findRequest(db, created.id))!;
    expect(stored.readTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(created.readToken);
  });

  it('forgets a result 10 minutes after it was first read, and an unread request an hour after it expired', async () => {
    const read = await create(new Date('2026-05-03T10:00:00Z'));
    const unread = await create(new Date('2026-05-03T10:00:00Z'));
    await db.run("UPDATE presentation_requests SET status = 'verified', result = '{}' WHERE id IN (?, ?)", [read.id, unread.id]);
    await markResultRead(db, read.id, new Date('2026-05-03T10:05:00Z'));
    await create(new Date('2026-05-03T10:14:59Z'));
    expect(await findRequest(db, read.id)).toBeDefined();
    await create(new Date('2026-05-03T10:15:01Z'));
    expect(await findRequest(db, read.id)).toBeUndefined();
    expect(await findRequest(db, unread.id)).toBeDefined();
    await create(new Date('2026-05-03T11:10:01Z'));
    expect(await findRequest(db, unread.id)).toBeUndefined();
  });

  it('keeps an IIN to compare only as a salted keyed hash, dropped once the answer is recorded', async () => {
    const iin = iinFor('99010130012');
    const now = new Date('2026-05-04T10:00:00Z');
    const created = await createPresentationRequest(deps(now), parseRequestInput({ iin }));
    const again = await createPresentationRequest(deps(now), parseRequestInput({ iin }));
    const stored = (await findRequest(db, created.id))!;
    expect(stored.asksIin).toBe(true);
    expect(JSON.stringify(await db.all('SELECT * FROM presentation_requests WHERE id = ?', [created.id]))).not.toContain(iin);
    // Salted: the same IIN hashes differently in two requests.
    expect(stored.iin!.hash).not.toBe((await findRequest(db, again.id))!.iin!.hash);
    const compare = iinComparison(SECRET, stored.iin!);
    expect(compare.matches(iin)).toBe(true);
    expect(compare.matches(iinFor('99010130013'.slice(0, 11)))).toBe(false);
    expect(iinComparison('another-secret-of-enough-length', stored.iin!).matches(iin)).toBe(false);

    expect(await claimRequest(db, created.id, now)).toBe(true);
    await recordResult(db, created.id, { verified: true } as VerificationResult);
    const answered = (await findRequest(db, created.id))!;
    expect(answered.asksIin).toBe(true);
    expect(answered.iin).toBeUndefined();
  });

  it('refuses an IIN that is not one, naming the field and not the value', () => {
    for (const iin of ['12345', withWrongCheckDigit(iinFor('99010130012')), 990101300120]) {
      expect(() => parseRequestInput({ iin })).toThrowError(expect.objectContaining({ code: 'invalid_request', field: 'iin' }));
      try {
        parseRequestInput({ iin });
      } catch (err) {
        expect((err as Error).message).not.toContain(String(iin));
      }
    }
  });
});
