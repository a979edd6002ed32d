import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffDelayMs, createSignInLimit, createSignUpLimit, DEFAULT_SIGN_IN_POLICY, signInAttemptsMigration } from '../../../shared/auth/index.ts';
import type { Database } from '../../../shared/db/index.ts';
import { openTestDatabase } from '../../helpers/database.ts';
import { tempDataDir } from '../../helpers/services.ts';

let db: Database;
let dir: string;
let clock: Date;
const now = () => clock;
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
const settle = (p: Promise<unknown>) => p.then(() => 'ok' as const, (err: { code?: string; extra?: { retryAfterSeconds?: number } }) => err);

beforeEach(async () => {
  dir = tempDataDir('sign-in-limit-');
  db = await openTestDatabase('wallet', dir, [signInAttemptsMigration(1)]);
  clock = new Date('2026-05-02T10:00:00.000Z');
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backoffDelayMs', () => {
  it('is free for the first failures, then doubles up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 50].map((n) => backoffDelayMs(n))).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});

describe('createSignInLimit', () => {
  it('counts before the hash: of 40 parallel attempts on one login only the free ones get through', async () => {
    const limit = createSignInLimit({ db, now });
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => settle(limit.before('dana', `client-${i}`))));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(DEFAULT_SIGN_IN_POLICY.freeFailures);
    expect(outcomes.filter((o) => o !== 'ok').every((o) => typeof o === 'object' && o.code === 'rate_limited')).toBe(true);
  });

  it('lets the owner in after a stranger\'s backoff, and a success clears it', async () => {
    const limit = createSignInLimit({ db, now });
    for (let i = 0; i < 10; i++) {
      const outcome = await settle(limit.before('dana', 'stranger'));
      if (outcome === 'ok') await limit.after('dana', 'stranger', false);
    }
    const refused = await settle(limit.before('dana', 'owner'));
    expect(refused).toMatchObject({ code: 'rate_limited' });
    const wait = (refused as { extra: { retryAfterSeconds: number } }).extra.retryAfterSeconds;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(DEFAULT_SIGN_IN_POLICY.maxDelayMs / 1000);
    advance(wait * 1000);
    expect(await settle(limit.before('dana', 'owner'))).toBe('ok');
    await limit.after('dana', 'owner', true);
    expect(await settle(limit.before('dana', 'owner'))).toBe('ok');
  });

  it('grows the wait with each failure that was let through, up to the cap', async () => {
    const limit = createSignInLimit({ db, now });
    const waits: number[] = [];
    // A new address each time: the login's backoff is what is measured, not one client's budget.
    for (let i = 0; i < 12; i++) {
      const outcome = await settle(limit.before('aigerim', `c${i}`));
      if (outcome !== 'ok') {
        const wait = (outcome as { extra: { retryAfterSeconds: number } }).extra.retryAfterSeconds;
        waits.push(wait);
        advance(wait * 1000);
        expect(await settle(limit.before('aigerim', `c${i}`))).toBe('ok');
      }
    }
    expect(waits.slice(0, 6)).toEqual([1, 2, 4, 8, 16, 30]);
    expect(Math.max(...waits)).toBe(30);
  });

  it('counts the wait from when a failure was known, so a slow hash does not use it up', async () => {
    const limit = createSignInLimit({ db, now });
    for (let i = 0; i < 2; i++) {
      await limit.before('erlan', `c${i}`);
      await limit.after('erlan', `c${i}`, false);
    }
    await limit.before('erlan', 'c2');
    advance(5_000); // the third password took 5 s to check
    await limit.after('erlan', 'c2', false);
    expect(await settle(limit.before('erlan', 'c3'))).toMatchObject({ code: 'rate_limited', extra: { retryAfterSeconds: 1 } });
    advance(1_000);
    expect(await settle(limit.before('erlan', 'c3'))).toBe('ok');
  });

  it('gives one client address a budget of failures across logins', async () => {
    const limit = createSignInLimit({ db, now });
    for (let i = 0; i < DEFAULT_SIGN_IN_POLICY.maxFailuresPerClient; i++) expect(await settle(limit.before(`login${i}`, 'sprayer'))).toBe('ok');
    const refused = await settle(limit.before('another', 'sprayer'));
    expect(refused).toMatchObject({ code: 'rate_limited', extra: { retryAfterSeconds: 15 * 60 } });
    expect(await settle(limit.before('another', 'someone-else'))).toBe('ok');
    advance(15 * 60_000);
    expect(await settle(limit.before('another', 'sprayer'))).toBe('ok');
  });

  it('gives a successful sign-in its slot back, so a shared address is not held back by its own volunteers', async () => {
    const limit = createSignInLimit({ db, now });
    for (let i = 0; i < 50; i++) {
      await limit.before(`volunteer${i}`, 'school');
      await limit.after(`volunteer${i}`, 'school', true);
    }
    expect(await settle(limit.before('one-more', 'school'))).toBe('ok');
  });

  it('keeps no login or address in clear, and forgets rows once their time is past', async () => {
    const limit = createSignInLimit({ db, now });
    await limit.before('dana@example.kz', '203.0.113.9');
    const rows = await db.all<{ id: string }>('SELECT id FROM sign_in_attempts');
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toMatch(/dana|203\.0/);
    advance(DEFAULT_SIGN_IN_POLICY.windowMs + 1);
    await limit.before('other', 'client');
    expect(await db.all('SELECT id FROM sign_in_attempts')).toHaveLength(2);
  });
});

describe('createSignUpLimit', () => {
  it('counts sign-ups per client address in a window', async () => {
    const limit = createSignUpLimit({ db, now, policy: { maxPerClient: 3 } });
    for (let i = 0; i < 3; i++) await limit.before('cafe');
    expect(await settle(limit.before('cafe'))).toMatchObject({ code: 'rate_limited', extra: { retryAfterSeconds: 3600 } });
    expect(await settle(limit.before('home'))).toBe('ok');
  });
});
