import { describe, expect, it } from 'vitest';
import { Deadline, createLimiter, isDeadlineMiss, mapLimited } from '../../../shared/async/index.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createLimiter', () => {
  it('runs at most n tasks at once, all of them in the end', async () => {
    const limit = createLimiter(3);
    let running = 0;
    let most = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          running++;
          most = Math.max(most, running);
          await sleep(2);
          running--;
          return i;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('frees the slot of a task that failed', async () => {
    const limit = createLimiter(1);
    await expect(limit(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limit(async () => 'next')).toBe('next');
  });

  it('mapLimited answers in the order of the items', async () => {
    expect(await mapLimited([30, 1, 10], 2, async (ms, i) => (await sleep(ms), i))).toEqual([0, 1, 2]);
  });
});

describe('Deadline', () => {
  it('lets a promise that is in time through, and one that is late lose with fetch_failed', async () => {
    const deadline = new Deadline(50);
    expect(await deadline.race(Promise.resolve('quick'), 'quick')).toBe('quick');
    const late = deadline.race(new Promise(() => undefined), 'The status list');
    await expect(late).rejects.toMatchObject({ code: 'fetch_failed' });
    await late.catch((err) => {
      expect(isDeadlineMiss(err)).toBe(true);
      expect(err.detail).toMatch(/^The status list did not arrive within the deadline of 50 ms/);
    });
    expect(deadline.hasPassed).toBe(true);
    expect(() => deadline.throwIfPassed('more')).toThrow(/deadline/);
    await expect(deadline.race(Promise.resolve('after'), 'after')).rejects.toMatchObject({ code: 'fetch_failed' });
  });

  it('passes a failure of its own through unchanged', async () => {
    const deadline = new Deadline(1_000);
    await expect(deadline.race(Promise.reject(new Error('down')), 'x')).rejects.toThrow('down');
    deadline.clear();
  });
});
