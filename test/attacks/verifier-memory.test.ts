import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Attacker } from '../helpers/attacker.ts';
import { holder, presentation } from '../helpers/issuer-fixture.ts';
import { startService, type StartedService } from '../helpers/services.ts';
import { postJson } from '../verifier/helpers.ts';

const MiB = 1024 * 1024;
/**
 * How much more resident memory the verifier may hold after 50 attacks than before them. Five
 * verifications at a time each inflate up to 8 lists of at most 2 MiB at once, and the allocator
 * and V8's heap keep much of what such a peak took (measured here: 70 to 120 MiB more). Before
 * the fix, one attack alone added 630 MiB, and every further attack added more.
 */
const GROWTH_BOUND = 192 * MiB;
/** How much more after 50 attacks more: nothing an attack leaves behind may add up (measured: 0 to 40 MiB). */
const PLATEAU_BOUND = 64 * MiB;

/** Resident memory of a process and its descendants (cluster workers, when there are any), from /proc. */
function residentBytes(pid: number): number {
  const own = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  const children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
  );
  return own + children.reduce((sum, child) => sum + residentBytes(child), 0);
}

// Issue 8's benchmark, without timings: 50 of the attacks that once took the verifier from 206 to
// 836 MiB, and the memory it holds afterwards stays within a fixed bound of what it held before.
describe('the verifier under 50 status list attacks', () => {
  let attacker: Attacker;
  let verifier: StartedService;
  const volunteer = holder();

  beforeAll(async () => {
    attacker = await Attacker.start();
    verifier = await startService('verifier', { env: { TRUST_LIST_URL: `${attacker.url}/v1/trust-list` } });
  });
  afterAll(async () => {
    await Promise.all([verifier?.stop(), attacker?.stop()]);
  });

  /** The three shapes: 40 bomb entries (the reproduction), 4 (within the entry limit), and a presentation of 10 such credentials. */
  const attack = async (n: number) => {
    let jwt: string;
    if (n % 3 === 0) jwt = await attacker.credential(volunteer.did, attacker.entries('bomb', 40));
    else if (n % 3 === 1) jwt = await attacker.credential(volunteer.did, attacker.entries('bomb', 4));
    else jwt = await presentation(volunteer, await Promise.all(Array.from({ length: 10 }, () => attacker.credential(volunteer.did, attacker.entries('bomb', 4)))));
    const res = await postJson(`${verifier.url}/v1/verify`, { jwt });
    expect(res.status).toBe(200);
    expect(res.body.verified).toBe(false);
  };

  const fifty = async (first: number) => {
    for (let round = 0; round < 10; round++) await Promise.all(Array.from({ length: 5 }, (_, i) => attack(first + round * 5 + i)));
  };

  it('holds no more than a fixed bound more memory after 50 attacks than before them, and no more after 50 more', async () => {
    for (let n = 0; n < 5; n++) expect((await postJson(`${verifier.url}/v1/verify`, { jwt: await attacker.credential(volunteer.did, []) })).status).toBe(200);
    const before = residentBytes(verifier.pid());
    await fifty(0);
    const after = residentBytes(verifier.pid());
    await fifty(50);
    const afterMore = residentBytes(verifier.pid());
    console.log(`verifier resident memory: ${[before, after, afterMore].map((b) => (b / MiB).toFixed(0)).join(', ')} MiB before, after 50 and after 100 attacks`);
    expect(after - before).toBeLessThan(GROWTH_BOUND);
    expect(afterMore - after).toBeLessThan(PLATEAU_BOUND);
    expect((await fetch(`${verifier.url}/healthz`)).status).toBe(200);
  }, 240_000);
});
