import { describe, expect, it } from 'vitest';
import type { VolunteerWorkStats } from '../../../issuer/stats/aggregate.ts';
import type { StatsFilters } from '../../../issuer/stats/filters.ts';
import { recountUnlessSlow } from '../../../issuer/stats/recount.ts';
import { publishedVolunteers } from '../../../issuer/stats/small-cells.ts';

const all: StatsFilters = { region: null, from: null, to: null, by: 'activity' };

/** A count that takes `ms` on a frozen clock and answers how many times it ran. */
function countTaking(ms: number, clock: { t: number }) {
  let runs = 0;
  const count = async () => {
    runs++;
    clock.t += ms;
    return { totals: { activities: runs } } as unknown as VolunteerWorkStats;
  };
  return { count, runs: () => runs };
}

describe('recountUnlessSlow', () => {
  it('counts a fast query afresh every time', async () => {
    const clock = { t: 0 };
    const fast = countTaking(20, clock);
    const counted = recountUnlessSlow(fast.count, { now: () => new Date(clock.t) });
    await counted(all);
    expect((await counted(all)).stats.totals.activities).toBe(2);
  });

  it('reuses a slow count for the same filters for a minute, and says when it was counted', async () => {
    const clock = { t: 1_000_000 };
    const slow = countTaking(2_000, clock);
    const counted = recountUnlessSlow(slow.count, { now: () => new Date(clock.t) });
    const first = await counted(all);
    expect(first.countedAt.getTime()).toBe(1_000_000);
    clock.t += 30_000;
    expect(await counted(all)).toBe(first);
    expect((await counted({ ...all, region: 'KZ-55' })).stats.totals.activities).toBe(2);
    // The same region by another attribution is another count.
    expect((await counted({ ...all, region: 'KZ-55', by: 'organization' })).stats.totals.activities).toBe(3);
    clock.t += 31_000;
    expect((await counted(all)).stats.totals.activities).toBe(4);
  });
});

describe('publishedVolunteers', () => {
  it('shows 1 to 4 as "<5", and 0 and 5 up as they are', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 120].map(publishedVolunteers)).toEqual([0, '<5', '<5', '<5', '<5', 5, 6, 120]);
  });
});
