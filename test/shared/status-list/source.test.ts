import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDidResolver } from '../../../shared/did/index.ts';
import { createGuardedFetch } from '../../../shared/net/index.ts';
import { StatusBitstring, createStatusListSource } from '../../../shared/status-list/index.ts';
import { Attacker } from '../../helpers/attacker.ts';

const HOSTS = ['localhost'];

// The cache of status lists that verifier and wallet share: a copy is reused while fresh (its
// own ttl), revalidated with If-None-Match after that, and the cache holds a bounded number of bytes.
describe('createStatusListSource', () => {
  let server: Attacker;
  let t = 0;
  const now = () => new Date(1_800_000_000_000 + t);
  const fetch = createGuardedFetch({ httpHosts: HOSTS });
  const dids = createDidResolver({ fetch, httpHosts: HOSTS });

  beforeAll(async () => {
    server = await Attacker.start();
  });
  afterAll(() => server?.stop());

  const listAt = (path: string, route: { bits: StatusBitstring; ttlMs?: number; etag?: boolean }) => {
    server.routes.set(path, { kind: 'list', ...route });
    return `${server.url}${path}`;
  };
  const hits = (path: string) => server.requests.filter((r) => r.path === path);

  it("reuses a copy for the list's ttl, then revalidates it with If-None-Match and sees a revocation", async () => {
    const bits = StatusBitstring.create();
    const url = listAt('/status/ttl/1', { bits, ttlMs: 10_000, etag: true });
    const lists = createStatusListSource({ fetch, dids, maxAgeMs: 300_000, now });
    for (let i = 0; i < 5; i++) expect((await lists.get(url, server.did)).bits.get(7)).toBe(false);
    expect(hits('/status/ttl/1')).toHaveLength(1);

    t += 10_001;
    expect((await lists.get(url, server.did)).bits.get(7)).toBe(false);
    expect(hits('/status/ttl/1').at(-1)?.ifNoneMatch).toMatch(/^"/);
    expect(hits('/status/ttl/1')).toHaveLength(2);
    expect((await lists.get(url, server.did)).bits.get(7)).toBe(false);
    expect(hits('/status/ttl/1')).toHaveLength(2);

    bits.set(7, true);
    t += 10_001;
    expect((await lists.get(url, server.did)).bits.get(7)).toBe(true);
    expect(hits('/status/ttl/1')).toHaveLength(3);
  });

  it('uses a list without ttl for maxAgeMs, and one with a tiny ttl for at least a second', async () => {
    const plain = listAt('/status/plain/1', { bits: StatusBitstring.create() });
    const tiny = listAt('/status/tiny/1', { bits: StatusBitstring.create(), ttlMs: 0 });
    const lists = createStatusListSource({ fetch, dids, maxAgeMs: 60_000, now });
    await lists.get(plain, server.did);
    await lists.get(tiny, server.did);
    t += 500;
    await lists.get(plain, server.did);
    await lists.get(tiny, server.did);
    expect([hits('/status/plain/1').length, hits('/status/tiny/1').length]).toEqual([1, 1]);
    t += 1_000;
    await lists.get(plain, server.did);
    await lists.get(tiny, server.did);
    expect([hits('/status/plain/1').length, hits('/status/tiny/1').length]).toEqual([1, 2]);
  });

  it('holds no more bytes than its bound: the least recently used list leaves', async () => {
    const lists = createStatusListSource({ fetch, dids, maxAgeMs: 300_000, now, maxBytes: 30 * 1024 });
    const a = listAt('/status/bound/a', { bits: StatusBitstring.create() });
    const b = listAt('/status/bound/b', { bits: StatusBitstring.create() });
    await lists.get(a, server.did);
    await lists.get(b, server.did);
    await lists.get(b, server.did);
    await lists.get(a, server.did);
    expect([hits('/status/bound/a').length, hits('/status/bound/b').length]).toEqual([2, 1]);
  });

  it('shares one fetch among concurrent asks and caches no failure', async () => {
    const lists = createStatusListSource({ fetch, dids, maxAgeMs: 300_000, now });
    const url = `${server.url}/status/missing/1`;
    const answers = await Promise.allSettled([lists.get(url, server.did), lists.get(url, server.did), lists.get(url, server.did)]);
    expect(answers.every((a) => a.status === 'rejected')).toBe(true);
    expect(hits('/status/missing/1')).toHaveLength(1);
    await lists.get(url, server.did).catch(() => undefined);
    expect(hits('/status/missing/1')).toHaveLength(2);
  });
});
