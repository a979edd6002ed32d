import { LruCache } from '../../shared/crypto/index.ts';
import type { VolunteerWorkStats } from './aggregate.ts';
import type { StatsFilters } from './filters.ts';

export interface CountedStats {
  stats: VolunteerWorkStats;
  /** When these figures were counted (they may be up to `reuseMs` old). */
  countedAt: Date;
}

export interface RecountOptions {
  /** A count slower than this is kept for reuse. */
  slowMs?: number;
  reuseMs?: number;
  now: () => Date;
}

/**
 * Counts afresh unless the same filters were counted slowly less than a minute ago: a national
 * count over millions of credentials takes seconds, and a dashboard asks for it on every visit.
 * Small databases count fast and are therefore always fresh. The answer says when it was counted.
 */
export function recountUnlessSlow(count: (filters: StatsFilters) => Promise<VolunteerWorkStats>, options: RecountOptions): (filters: StatsFilters) => Promise<CountedStats> {
  const slowMs = options.slowMs ?? 500;
  const kept = new LruCache<string, CountedStats>(100, options.reuseMs ?? 60_000, () => options.now().getTime());
  return async (filters) => {
    const key = JSON.stringify([filters.region, filters.from, filters.to, filters.by]);
    const reused = kept.get(key);
    if (reused) return reused;
    const countedAt = options.now();
    const stats = await count(filters);
    const counted = { stats, countedAt };
    if (options.now().getTime() - countedAt.getTime() >= slowMs) kept.set(key, counted);
    return counted;
  };
}
