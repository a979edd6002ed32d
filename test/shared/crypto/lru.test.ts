import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../shared/crypto/index.ts';

describe('LruCache', () => {
  const clock = () => {
    let t = 0;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new LruCache<string, number>(2, 60_000);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('keeps at most maxBytes, however few the entries', () => {
    const cache = new LruCache<string, string>(1_000, 60_000, Date.now, 100);
    cache.set('a', 'x', { bytes: 40 });
    cache.set('b', 'y', { bytes: 40 });
    cache.set('c', 'z', { bytes: 40 });
    expect(cache.get('a')).toBeUndefined();
    expect([cache.get('b'), cache.get('c')]).toEqual(['y', 'z']);
    expect(cache.bytes).toBe(80);
    cache.set('b', 'y2', { bytes: 10 });
    expect(cache.bytes).toBe(50);
  });

  it('does not keep an entry larger than the whole byte bound, nor evict others for it', () => {
    const cache = new LruCache<string, string>(1_000, 60_000, Date.now, 100);
    cache.set('small', 's', { bytes: 10 });
    cache.set('huge', 'h', { bytes: 101 });
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('small')).toBe('s');
    expect(cache.bytes).toBe(10);
  });

  it('drops expired entries when read, and sweeps the others out on a later set', () => {
    const { now, advance } = clock();
    const cache = new LruCache<string, string>(1_000, 1_000, now, 1_000);
    cache.set('read', 'r', { bytes: 100 });
    cache.set('unread', 'u', { bytes: 100 });
    cache.set('long', 'l', { bytes: 100, ttlMs: 10_000 });
    advance(2_000);
    expect(cache.get('read')).toBeUndefined();
    expect(cache.size).toBe(2);
    cache.set('new', 'n', { bytes: 100 });
    expect(cache.size).toBe(2);
    expect(cache.bytes).toBe(200);
    expect(cache.get('long')).toBe('l');
  });

  it('keeps nothing with a lifetime of zero', () => {
    const cache = new LruCache<string, string>(10, 0);
    cache.set('a', 'x');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
