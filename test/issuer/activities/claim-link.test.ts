import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../helpers/http.ts';
import { freePort, startService, type StartedService } from '../../helpers/services.ts';
import { ADMIN } from '../issuance/setup.ts';
import { cardQr } from '../../helpers/pdf-qr.ts';

const SECRET = 'claim-link-test-secret-0123456789abcdef';
let issuer: StartedService;
let wallet: StartedService;

beforeAll(async () => {
  const walletPort = await freePort();
  const walletUrl = `http://localhost:${walletPort}`;
  issuer = await startService('issuer', { env: { PASSPORT_ADMIN_TOKEN: ADMIN, PASSPORT_SECRET: SECRET, WALLET_URL: walletUrl } });
  wallet = await startService('wallet', { port: walletPort, env: { PASSPORT_SECRET: SECRET, ISSUER_URL: issuer.url, WALLET_CACHE_SECONDS: '0', VERIFIER_URL: 'http://localhost:9' } });
}, 90_000);
afterAll(async () => {
  await Promise.all([wallet?.stop(), issuer?.stop()]);
});

function firstPage(pdf: Buffer): PNG {
  const dir = mkdtempSync(join(tmpdir(), 'claim-card-'));
  try {
    writeFileSync(join(dir, 'c.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', join(dir, 'c.pdf'), join(dir, 'p')]);
    return PNG.sync.read(readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.png'))!)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the link on a card', () => {
  it('opens the wallet\'s claim page with the offer filled in, and the volunteer claims the credential from it', async () => {
    const org = await call(issuer.url, 'POST', '/v1/organizations', { token: ADMIN, body: { id: 'card-org', name: { kk: 'Карта ұйымы', ru: 'Организация карт' }, region: 'KZ-55' } });
    const key = org.body.apiKey as string;
    const recorded = await call(issuer.url, 'POST', '/v1/activities', {
      token: key,
      body: { volunteer: { name: 'Дана Серікқызы' }, activity: { name: { kk: 'Ағаш отырғызу' }, category: 'ecology', region: 'KZ-55', activityStartDate: '2026-04-20', activityEndDate: '2026-04-20', hours: 4 } },
    });
    const cards = await call(issuer.url, 'GET', `/v1/activities/cards.pdf?ids=${recorded.body.id}`, { token: key });
    const scanned = cardQr(firstPage(cards.bytes), 0, 0)!;
    expect(scanned).toBe(recorded.body.claimUrl);
    expect(scanned.startsWith(`${wallet.url}/claim?offer=`)).toBe(true);

    const page = await call(wallet.url, 'GET', new URL(scanned).pathname + new URL(scanned).search);
    expect(page.status).toBe(200);
    const offer = new URL(scanned).searchParams.get('offer')!;
    expect(offer).toBe(recorded.body.offerUri);
    expect(page.text).toContain(offer.replaceAll('&', '&amp;'));

    await call(wallet.url, 'POST', '/v1/accounts', { body: { login: 'dana-card', password: 'a long passphrase 1' } });
    const session = await call(wallet.url, 'POST', '/v1/sessions', { body: { login: 'dana-card', password: 'a long passphrase 1' } });
    const claimed = await call(wallet.url, 'POST', '/v1/credentials/claim', { token: session.body.token, body: { offerUri: offer } });
    expect(claimed.status).toBe(201);
    expect((await call(issuer.url, 'GET', `/v1/activities/${recorded.body.id}`, { token: key })).body.status).toBe('claimed');
    const reprint = await call(issuer.url, 'GET', `/v1/activities/cards.pdf?ids=${recorded.body.id}`, { token: key });
    expect(reprint.body).toMatchObject({ status: 404 });
  });
});
