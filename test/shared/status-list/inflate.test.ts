import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ByteBudget, MAX_STATUS_LIST_BYTES, StatusBitstring, gunzipBounded } from '../../../shared/status-list/index.ts';

const MiB = 1024 * 1024;
/** 16 MiB of zeros in about 16 KB of GZIP: the list of the reproduction in issue 8. */
const bomb = gzipSync(Buffer.alloc(16 * MiB), { level: 9 });

/** The longest the event loop was held while `work` ran, in ms. */
async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  try {
    await work();
    await new Promise((r) => setTimeout(r, 5));
  } finally {
    histogram.disable();
  }
  return histogram.max / 1e6;
}

describe('gunzipBounded', () => {
  it('inflates a list up to the bound', async () => {
    const bits = randomBytes(MAX_STATUS_LIST_BYTES);
    const out = await gunzipBounded(gzipSync(bits), MAX_STATUS_LIST_BYTES);
    expect(out.equals(bits)).toBe(true);
  });

  it('refuses a GZIP bomb once the output passes the bound, as status_list_too_large', async () => {
    expect(bomb.length).toBeLessThan(32 * 1024);
    await expect(gunzipBounded(bomb, MAX_STATUS_LIST_BYTES)).rejects.toMatchObject({ code: 'unprocessable', extra: { reason: 'status_list_too_large' } });
    await expect(gunzipBounded(gzipSync(Buffer.alloc(MAX_STATUS_LIST_BYTES + 1)), MAX_STATUS_LIST_BYTES)).rejects.toMatchObject({
      extra: { reason: 'status_list_too_large' },
    });
  });

  it('charges the request budget and stops when it is spent', async () => {
    const budget = new ByteBudget(3 * MiB);
    await gunzipBounded(gzipSync(Buffer.alloc(2 * MiB)), MAX_STATUS_LIST_BYTES, budget);
    expect(budget.used).toBe(2 * MiB);
    await expect(gunzipBounded(gzipSync(Buffer.alloc(2 * MiB)), MAX_STATUS_LIST_BYTES, budget)).rejects.toMatchObject({
      code: 'fetch_failed',
      extra: { reason: 'status_budget_exceeded' },
    });
  });

  it('refuses what is not GZIP', async () => {
    await expect(gunzipBounded(Buffer.from('not gzip at all'), MAX_STATUS_LIST_BYTES)).rejects.toMatchObject({ code: 'unprocessable' });
  });

  it('never blocks the event loop for 50 ms, inflating a maximal list or refusing a bomb', async () => {
    const maximal = `u${gzipSync(randomBytes(MAX_STATUS_LIST_BYTES)).toString('base64url')}`;
    const decodeBoth = async () => {
      expect((await StatusBitstring.decode(maximal)).size).toBe(MAX_STATUS_LIST_BYTES * 8);
      await expect(StatusBitstring.decode(`u${bomb.toString('base64url')}`)).rejects.toMatchObject({ extra: { reason: 'status_list_too_large' } });
    };
    // On a machine shared with other work a single delay can be the scheduler's, not ours: what our
    // code blocks shows in every attempt (a synchronous inflation of the bomb held it 90-220 ms each time).
    const attempts = [await longestBlock(decodeBoth), await longestBlock(decodeBoth), await longestBlock(decodeBoth)];
    expect(Math.min(...attempts)).toBeLessThan(50);
  });
});
