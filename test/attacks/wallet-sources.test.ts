import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didWebFromUrl } from '../../shared/config.ts';
import { Attacker } from '../helpers/attacker.ts';
import { call } from '../helpers/http.ts';
import { IssuerFixture, signer } from '../helpers/issuer-fixture.ts';
import { startService, type StartedService } from '../helpers/services.ts';

// Issue 8, "Memory and time", the wallet's side: a volunteer (or whoever holds their session)
// imports credentials whose sources are bombs, slow or silent, and the passport must still answer.
describe('attacks on the wallet through the sources of imported credentials', () => {
  let attacker: Attacker;
  let fixture: IssuerFixture;
  let wallet: StartedService;

  beforeAll(async () => {
    [attacker, fixture] = await Promise.all([Attacker.start(), IssuerFixture.start()]);
    wallet = await startService('wallet', {
      env: { ISSUER_URL: fixture.url, VERIFIER_URL: 'http://localhost:9', VERIFY_DEADLINE_SECONDS: '4', WALLET_IMPORT_DEADLINE_SECONDS: '4' },
    });
  });
  afterAll(async () => {
    await Promise.all([wallet?.stop(), attacker?.stop(), fixture?.stop()]);
  });

  const volunteer = async (login: string) => {
    const password = 'a long passphrase 1';
    const created = await call(wallet.url, 'POST', '/v1/accounts', { body: { login, password } });
    expect(created.status).toBe(201);
    const session = await call(wallet.url, 'POST', '/v1/sessions', { body: { login, password } });
    expect(session.status).toBe(200);
    return { did: created.body.did as string, token: session.body.token as string };
  };
  const importAll = async (token: string, jwts: string[]) => {
    const res = await call(wallet.url, 'POST', '/v1/import', { token, body: jwts });
    expect(res.status, res.text).toBe(200);
    return res.body as { imported: number; refused: number; results: { index: number; imported: boolean; code?: string }[] };
  };
  const listed = async (token: string) => {
    const res = await call(wallet.url, 'GET', '/v1/credentials', { token });
    expect(res.status, res.text).toBe(200);
    return res.body.credentials as { status: string; statusReasons: string[] }[];
  };

  it('a credential whose status list is a 16 MiB GZIP bomb is refused at 2 MiB when the passport is listed', async () => {
    const dana = await volunteer('bomb-dana');
    const jwt = await attacker.credential(dana.did, attacker.entries('bomb', 1), { single: true });
    expect((await importAll(dana.token, [jwt])).imported).toBe(1);
    const [shown] = await listed(dana.token);
    expect(shown!.status).not.toBe('valid');
    expect(shown!.statusReasons.join(' ')).toMatch(/status: The status list inflates to more than 2097152 bytes/);
  });

  it('GET /v1/credentials answers at its deadline when no status list answers, saying so for each credential', async () => {
    const aigerim = await volunteer('silent-aigerim');
    const jwts = await Promise.all(Array.from({ length: 12 }, () => attacker.credential(aigerim.did, attacker.entries('hang', 1), { single: true })));
    expect((await importAll(aigerim.token, jwts)).imported).toBe(12);
    const shown = await listed(aigerim.token);
    expect(shown).toHaveLength(12);
    for (const c of shown) {
      expect(c.status).not.toBe('valid');
      expect(c.statusReasons.join(' ')).toMatch(/deadline of 4000 ms/);
    }
  });

  it('an import of many credentials from an issuer that never answers ends at its deadline, with a result for each', async () => {
    const marat = await volunteer('silent-issuer-marat');
    const silentIssuer = signer(didWebFromUrl(attacker.url, 'silent-issuer'), 'key-1');
    attacker.routes.set('/silent-issuer/did.json', { kind: 'hang' });
    const fromSilent = await Promise.all(Array.from({ length: 30 }, () => attacker.credential(marat.did, [], { signer: silentIssuer })));
    const good = await attacker.credential(marat.did, []);
    // Checked a few at a time: the first is in before the deadline, whatever the others do.
    const answer = await importAll(marat.token, [good, ...fromSilent]);
    expect(answer.results).toHaveLength(31);
    expect(answer.results.map((r) => r.index)).toEqual(Array.from({ length: 31 }, (_, i) => i));
    expect(answer.results[0]).toMatchObject({ imported: true });
    expect(answer.results.filter((r) => !r.imported).every((r) => r.code === 'deadline_exceeded')).toBe(true);
    expect(answer.imported).toBe(1);
  });
});
