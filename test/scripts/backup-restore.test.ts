import { appendFileSync, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/http.ts';
import { sampleActivity } from '../helpers/activity.ts';
import { runScript } from '../helpers/scripts.ts';
import { freePort, startService, tempDataDir, type ServiceName, type StartedService } from '../helpers/services.ts';

const NAMES: ServiceName[] = ['issuer', 'wallet', 'verifier'];
const mode = (path: string) => statSync(path).mode & 0o777;

/**
 * The operator's path through a disaster: a backup taken while the three services run and
 * write, the services gone, a restore into empty DATA_DIRs, and a credential issued before the
 * backup verifying again. Every service generates its own secrets here (none given by the
 * environment), so the restore only works if the backup carried them.
 */
describe('npm run backup and npm run restore', () => {
  const dirs: string[] = [];
  const running: StartedService[] = [];
  const tmp = (prefix: string) => {
    const dir = tempDataDir(prefix);
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function startAll(ports: Record<ServiceName, number>, dataDirs: Record<ServiceName, string>): Promise<Record<ServiceName, StartedService>> {
    const issuerUrl = `http://localhost:${ports.issuer}`;
    const shared = { ISSUER_URL: issuerUrl, WALLET_URL: `http://localhost:${ports.wallet}`, VERIFIER_URL: `http://localhost:${ports.verifier}` };
    const issuer = await startService('issuer', { port: ports.issuer, dataDir: dataDirs.issuer, env: shared });
    running.push(issuer);
    const [wallet, verifier] = await Promise.all([
      startService('wallet', { port: ports.wallet, dataDir: dataDirs.wallet, env: { ...shared, WALLET_CACHE_SECONDS: '0' } }),
      startService('verifier', { port: ports.verifier, dataDir: dataDirs.verifier, env: { ...shared, VERIFIER_CACHE_SECONDS: '0' } }),
    ]);
    running.push(wallet, verifier);
    return { issuer, wallet, verifier };
  }

  async function stopAll(services: Record<ServiceName, StartedService>): Promise<void> {
    await Promise.all(NAMES.map((n) => services[n].stop()));
    running.length = 0;
  }

  it('brings back a working system: a credential issued before the backup verifies after the restore', async () => {
    const ports = { issuer: await freePort(), wallet: await freePort(), verifier: await freePort() } as Record<ServiceName, number>;
    const before = { issuer: tmp('bk-issuer-'), wallet: tmp('bk-wallet-'), verifier: tmp('bk-verifier-') } as Record<ServiceName, string>;
    let services = await startAll(ports, before);
    const admin = readFileSync(join(before.issuer, 'admin-token'), 'utf8').trim();
    const issuerApi = (method: string, path: string, options?: Parameters<typeof call>[3]) => call(services.issuer.url, method, path, options);
    const walletApi = (method: string, path: string, options?: Parameters<typeof call>[3]) => call(services.wallet.url, method, path, options);

    const org = await issuerApi('POST', '/v1/organizations', { token: admin, body: { id: 'eco-qyran', name: { en: 'Eco Qyran' }, region: 'KZ-55' } });
    expect(org.status).toBe(201);
    const apiKey = org.body.apiKey as string;
    const record = () => issuerApi('POST', '/v1/activities', { token: apiKey, body: { volunteer: { name: 'Дана Әлиева' }, activity: sampleActivity() } });
    const offer = await record();
    expect(offer.status).toBe(201);
    const login = { login: 'dana', password: 'a long passphrase 1' };
    expect((await walletApi('POST', '/v1/accounts', { body: login })).status).toBe(201);
    const token = (await walletApi('POST', '/v1/sessions', { body: login })).body.token as string;
    const claimed = await walletApi('POST', '/v1/credentials/claim', { token, body: { offerUri: offer.body.offerUri } });
    expect(claimed.status, claimed.text).toBe(201);
    const credentialId = claimed.body.id as string;

    // The backups run while the services run and the issuer keeps writing.
    const backups = tmp('bk-out-');
    let writing = true;
    const written: number[] = [];
    const writer = (async () => {
      while (writing) written.push((await record()).status);
    })();
    const runs = await Promise.all(NAMES.map((n) => runScript('backup', ['--data-dir', before[n], '--out', join(backups, n)])));
    writing = false;
    await writer;
    expect(written.length).toBeGreaterThan(0);
    expect(written.every((s) => s === 201)).toBe(true);
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/SECRETS: passport-secret/);
    }
    for (const n of NAMES) {
      const folder = join(backups, n);
      expect(mode(folder)).toBe(0o700);
      for (const file of readdirSync(folder)) expect(mode(join(folder, file)), `${n}/${file}`).toBe(0o600);
      const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
      expect(manifest.databases.map((d: { file: string }) => d.file)).toEqual([`${n}.sqlite`]);
      // Every service generates both on its first start (loadConfig); only the issuer uses the admin token.
      expect(manifest.secrets.map((s: { file: string }) => s.file)).toEqual(['passport-secret', 'admin-token']);
      if (n === 'issuer') expect(manifest.audit).toMatchObject({ intact: true, head: { seq: expect.any(Number) } });
    }
    // Written after the backup: the restored system must not know it.
    const later = await record();
    expect(later.status).toBe(201);

    await stopAll(services);
    const after = { issuer: tmp('rs-issuer-'), wallet: tmp('rs-wallet-'), verifier: tmp('rs-verifier-') } as Record<ServiceName, string>;
    for (const n of NAMES) {
      const run = await runScript('restore', [join(backups, n), '--data-dir', after[n]]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(mode(join(after[n], `${n}.sqlite`))).toBe(0o600);
    }
    services = await startAll(ports, after);

    expect(readFileSync(join(after.issuer, 'admin-token'), 'utf8').trim()).toBe(admin);
    const share = await walletApi('POST', '/v1/shares', { token: (await walletApi('POST', '/v1/sessions', { body: login })).body.token, body: { credentialIds: [credentialId], expiresInDays: 1 } });
    expect(share.status, share.text).toBe(201);
    const verified = await call(services.verifier.url, 'POST', '/v1/verify', { body: { url: share.body.url } });
    expect(verified.status).toBe(200);
    expect(verified.body.checks.filter((c: { valid: boolean }) => !c.valid)).toEqual([]);
    expect(verified.body.verified).toBe(true);
    expect(verified.body.credentials.map((c: { id: string }) => c.id)).toEqual([expect.stringMatching(/^urn:uuid:/)]);
    expect((await issuerApi('GET', `/v1/activities/${later.body.id}`, { token: apiKey })).status).toBe(404);
    expect((await issuerApi('GET', `/v1/activities/${offer.body.id}`, { token: apiKey })).body.status).toBe('claimed');

    const audit = await runScript('audit-verify', ['--data-dir', after.issuer]);
    expect(audit.code).toBe(0);
    await stopAll(services);
  }, 240_000);

  it('restore refuses a damaged backup and, without --force, a DATA_DIR that holds data; with --force it moves that aside', async () => {
    const source = tmp('bk-small-');
    const issuer = await startService('issuer', { dataDir: source });
    running.push(issuer);
    const out = join(tmp('bk-small-out-'), 'b');
    expect((await runScript('backup', ['--data-dir', source, '--out', out])).code).toBe(0);
    // A second backup into the same folder is refused rather than mixed in.
    const again = await runScript('backup', ['--data-dir', source, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/EEXIST/);

    const busy = await runScript('restore', [out, '--data-dir', source]);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/holds issuer\.sqlite.*Stop the services/);
    await issuer.stop();
    running.length = 0;
    const forced = await runScript('restore', [out, '--data-dir', source, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    const aside = readdirSync(source).find((f) => f.startsWith('replaced-'))!;
    expect(existsSync(join(source, aside, 'issuer.sqlite'))).toBe(true);

    appendFileSync(join(out, 'issuer.sqlite'), 'x');
    const damaged = await runScript('restore', [out, '--data-dir', tmp('rs-damaged-')]);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(/issuer\.sqlite in the backup does not match its checksum/);
  }, 120_000);

  it('with DATABASE_URL set, says that PostgreSQL backups are pg_dump\'s job and prints the command', async () => {
    const run = await runScript('backup', [], { DATABASE_URL: 'postgres://passport@localhost/passport', DATA_DIR: tmp('bk-pg-') });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/pg_dump's job/);
    expect(run.stderr).toMatch(/pg_dump --format=custom .*"\$DATABASE_URL"/);
  });
});
