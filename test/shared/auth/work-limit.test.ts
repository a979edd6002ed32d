import { describe, expect, it } from 'vitest';
import { checkPassword, createWorkLimit, hashPassword, verifyPassword } from '../../../shared/auth/index.ts';

describe('createWorkLimit', () => {
  it('runs at most `concurrency` at once, queues `queue` more in order, and refuses the rest as busy', async () => {
    const limit = createWorkLimit({ concurrency: 2, queue: 3, what: 'testing' });
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const gates: Array<() => void> = [];
    const job = (n: number) =>
      limit.run(async () => {
        active++;
        peak = Math.max(peak, active);
        order.push(n);
        await new Promise<void>((resolve) => gates.push(resolve));
        active--;
        return n;
      });
    const settled = Array.from({ length: 7 }, (_, n) => job(n).then((v) => v, (err: { code: string }) => err.code));
    await new Promise((r) => setImmediate(r));
    expect(limit.running).toBe(2);
    expect(limit.waiting).toBe(3);
    while (gates.length || limit.running) {
      gates.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
    expect(await Promise.all(settled)).toEqual([0, 1, 2, 3, 4, 'busy', 'busy']);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });

  it('frees the slot when the work throws', async () => {
    const limit = createWorkLimit({ concurrency: 1, queue: 0, what: 'testing' });
    await expect(limit.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limit.run(async () => 'next')).toBe('next');
  });
});

describe('passwords', () => {
  it('checks against the account, and against a decoy when there is none', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await checkPassword('correct horse battery', stored)).toBe(true);
    expect(await checkPassword('wrong horse battery', stored)).toBe(false);
    expect(await checkPassword('correct horse battery', undefined)).toBe(false);
  });

  it('never runs a stored hash with absurd scrypt parameters', async () => {
    expect(await verifyPassword('x', 'scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$32768$8$1$$')).toBe(false);
  });
});
