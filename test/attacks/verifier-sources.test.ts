import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didWebFromUrl } from '../../shared/config.ts';
import { StatusBitstring } from '../../shared/status-list/index.ts';
import { Attacker } from '../helpers/attacker.ts';
import { holder, IssuerFixture, presentation, signer } from '../helpers/issuer-fixture.ts';
import { startService, type StartedService } from '../helpers/services.ts';
import { check, postJson, type Result } from '../verifier/helpers.ts';

// Issue 8, "Memory and time": what one unauthenticated POST /v1/verify could make the verifier
// fetch, inflate and wait for. Each test is one reproduction; each failed before the fix.
describe('attacks on the verifier through the sources it fetches', () => {
  let attacker: Attacker;
  let fixture: IssuerFixture;
  let verifier: StartedService;
  const volunteer = holder();

  beforeAll(async () => {
    [attacker, fixture] = await Promise.all([Attacker.start(), IssuerFixture.start()]);
    fixture.addOrganization('eco-qyran');
    verifier = await startService('verifier', { env: { ISSUER_URL: fixture.url, VERIFY_DEADLINE_SECONDS: '4' } });
  });
  afterAll(async () => {
    await Promise.all([verifier?.stop(), attacker?.stop(), fixture?.stop()]);
  });

  const verify = async (body: Record<string, unknown>): Promise<Result> => {
    const res = await postJson(`${verifier.url}/v1/verify`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Result;
  };
  const statusFetches = () => attacker.requests.filter((r) => r.path.startsWith('/status/')).length;

  it('40 status entries pointing at 16 MiB GZIP bombs: not_revoked fails as too_many_status_entries and nothing is fetched', async () => {
    attacker.reset();
    const jwt = await attacker.credential(volunteer.did, attacker.entries('bomb', 40));
    const result = await verify({ jwt });
    expect(result.verified).toBe(false);
    expect(check(result, 'not_revoked')).toMatchObject({ valid: false, outcome: 'failed', error: { code: 'too_many_status_entries' } });
    expect(statusFetches()).toBe(0);
  });

  it('four status lists that inflate to 16 MiB each are refused as status_list_too_large', async () => {
    attacker.reset();
    const result = await verify({ jwt: await attacker.credential(volunteer.did, attacker.entries('bomb', 4)) });
    expect(check(result, 'not_revoked')).toMatchObject({ valid: false, outcome: 'failed', error: { code: 'status_list_too_large' } });
    expect(statusFetches()).toBe(4);
  });

  it('a presentation of 101 credentials fails its format as too_many_credentials and nothing is fetched for it', async () => {
    attacker.reset();
    const credentials = await Promise.all(Array.from({ length: 101 }, () => attacker.credential(volunteer.did, attacker.entries('bomb', 1))));
    const result = await verify({ jwt: await presentation(volunteer, credentials) });
    expect(result.verified).toBe(false);
    expect(check(result, 'format')).toMatchObject({ valid: false, error: { code: 'too_many_credentials' } });
    expect(check(result, 'not_revoked')).toMatchObject({ valid: false, outcome: 'unavailable', error: { code: 'not_checked' } });
    expect(result.credentials).toEqual([]);
    expect(result.totals).toEqual({ hours: 0, credentials: 0, byCategory: {} });
    expect(attacker.requests).toEqual([]);
  });

  it('a presentation whose credentials each point at a distinct maximal list spends at most the budget of one verification', async () => {
    attacker.reset();
    const maximal = () => {
      const [entry] = attacker.entries('max', 1);
      attacker.routes.set(new URL(entry!.url).pathname, { kind: 'list', bits: StatusBitstring.fromBytes(new Uint8Array(2 * 1024 * 1024)) });
      return entry!;
    };
    const credentials = await Promise.all(Array.from({ length: 12 }, () => attacker.credential(volunteer.did, [maximal()])));
    const result = await verify({ jwt: await presentation(volunteer, credentials) });
    const outcomes = result.credentials.map((c) => c.checks.find((k) => k.id === 'not_revoked')!);
    const checked = outcomes.filter((o) => o.outcome === 'passed').length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(8);
    expect(outcomes.filter((o) => o.error?.code === 'status_budget_exceeded').length).toBe(12 - checked);
    expect(check(result, 'not_revoked')).toMatchObject({ outcome: 'unavailable', error: { code: 'status_budget_exceeded' } });
  });

  it('four slow status sources of one credential are fetched in parallel, not one after another', async () => {
    attacker.reset();
    const entries = attacker.entries('slow', 4);
    for (const e of entries) attacker.routes.set(new URL(e.url).pathname, { kind: 'slow', ms: 500 });
    const result = await verify({ jwt: await attacker.credential(volunteer.did, entries) });
    expect(check(result, 'not_revoked')).toMatchObject({ valid: true, outcome: 'passed' });
    expect(attacker.mostOpen).toBe(4);
  });

  it('sources that never answer make their checks unavailable at the deadline, not a hang', async () => {
    attacker.reset();
    const silentIssuer = signer(didWebFromUrl(attacker.url, 'silent-org'), 'key-1');
    attacker.routes.set('/silent-org/did.json', { kind: 'hang' });
    const silentStatus = await verify({ jwt: await attacker.credential(volunteer.did, attacker.entries('hang', 2)) });
    expect(check(silentStatus, 'not_revoked')).toMatchObject({ valid: false, outcome: 'unavailable', error: { code: 'status_list_unavailable' } });
    expect(check(silentStatus, 'not_revoked').error!.detail).toMatch(/deadline of 4000 ms/);
    const silentDid = await verify({ jwt: await attacker.credential(volunteer.did, [], { signer: silentIssuer }) });
    expect(check(silentDid, 'issuer_resolved')).toMatchObject({ outcome: 'unavailable', error: { code: 'did_unreachable' } });
    expect(check(silentDid, 'issuer_resolved').error!.detail).toMatch(/deadline of 4000 ms/);
    expect(check(silentDid, 'signature').outcome).toBe('unavailable');
  });

  it('an IPv4-compatible or -mapped IPv6 loopback address in a share link is refused without connecting', async () => {
    attacker.reset();
    const port = new URL(attacker.url).port;
    for (const host of ['[::127.0.0.1]', '[::7f00:1]', '[::ffff:7f00:1]', '[0:0:0:0:0:ffff:127.0.0.1]', '[2002:7f00:1::]']) {
      const res = await postJson(`${verifier.url}/v1/verify`, { url: `https://${host}:${port}/p/token` });
      expect(res.status, host).toBe(400);
      expect(res.body.code, host).toBe('fetch_refused');
    }
    expect(attacker.connections).toBe(0);
  });

  describe('a presentation that fails reports no verified totals', () => {
    let genuine: string[];
    let signed: string;

    beforeAll(async () => {
      genuine = [
        await fixture.issue('eco-qyran', { holderDid: volunteer.did }),
        await fixture.issue('eco-qyran', { holderDid: volunteer.did, activity: { category: 'education', hours: 4 } }),
      ];
      signed = await presentation(volunteer, genuine);
    });

    it('an unsigned presentation rebuilt from a public share link: verified false, no totals, no credential verified', async () => {
      const [, payload] = signed.split('.');
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      fixture.shares.set('signed', signed);
      fixture.shares.set('unsigned', `${header}.${payload}.`);
      const control = await verify({ url: `${fixture.url}/p/signed` });
      expect(control.verified).toBe(true);
      expect(control.totals.hours).toBe(22.5);

      const result = await verify({ url: `${fixture.url}/p/unsigned` });
      expect(result.verified).toBe(false);
      expect(check(result, 'signature').valid).toBe(false);
      expect(result.totals).toEqual({ hours: 0, credentials: 0, byCategory: {} });
      expect(result.credentials.map((c) => c.verified)).toEqual([false, false]);
    });

    it('a presentation whose signature does not verify, handed over directly, reports no totals either', async () => {
      const [h, p] = signed.split('.');
      const forged = `${h}.${p}.${Buffer.alloc(64, 7).toString('base64url')}`;
      const result = await verify({ jwt: forged });
      expect(check(result, 'signature').error?.code).toBe('bad_signature');
      expect(result.totals.hours).toBe(0);
      expect(result.credentials.every((c) => !c.verified)).toBe(true);
    });
  });
});
