import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServiceDatabase } from '../../helpers/database.ts';
import { createDidResolver, multibaseEd25519, publicKeyFromDidKey } from '../../../shared/did/index.ts';
import { decodeJwtParts, verifyDidJwt } from '../../../shared/jwt/index.ts';
import { createGuardedFetch } from '../../../shared/net/index.ts';
import { Passport, type Organization, type Volunteer } from './setup.ts';

// jsqr is CommonJS with a default export that TypeScript's ESM view does not see as callable.
const jsQR = jsQRModule as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const VERIFIER_URL = 'http://verifier.example.kz:4300';
let passport: Passport;
let eco: Organization;
let dana: Volunteer;
let credentialIds: string[] = [];
let share: { id: string; url: string; qrUrl: string; expiresAt: string };

// The test's own resolver: it checks the wallet's work without the wallet's code.
const hosts = ['localhost', '127.0.0.1'];
const dids = createDidResolver({ fetch: createGuardedFetch({ httpHosts: hosts }), httpHosts: hosts });

beforeAll(async () => {
  passport = await Passport.start({ VERIFIER_URL });
  eco = await passport.accredit('eco-qyran');
  dana = await passport.volunteer('dana');
  for (const hours of [4, 7.5, 9]) {
    const recorded = await passport.record(eco, { hours });
    const res = await passport.claim(dana, recorded.offerUri);
    credentialIds.push(res.body.id);
  }
});
afterAll(async () => {
  await passport?.stop();
});

describe('share links', () => {
  it('makes a link to a holder-signed presentation of the chosen credentials', async () => {
    const res = await passport.walletApi('POST', '/v1/shares', { token: dana.token, body: { credentialIds: credentialIds.slice(0, 2), expiresInDays: 30 } });
    expect(res.status, res.text).toBe(201);
    share = res.body;
    expect(share.url).toMatch(new RegExp(`^${passport.wallet.url}/p/[A-Za-z0-9_-]{22,}$`));
    expect(share.qrUrl).toBe(`${passport.wallet.url}/v1/shares/${share.id}/qr.png`);
    expect(Math.abs(Date.parse(share.expiresAt) - (Date.now() + 30 * 86_400_000))).toBeLessThan(60_000);
  });

  it('serves the VP-JWT to machines, and it verifies independently', async () => {
    const res = await passport.walletApi('GET', share.url, { headers: { accept: 'application/jwt' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/jwt/);
    const vp = res.text;
    const holderKid = `${dana.did}#${multibaseEd25519(publicKeyFromDidKey(dana.did))}`;
    const verified = await verifyDidJwt(vp, { dids, relationship: 'authentication', expectedDid: dana.did });
    expect(verified.header).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: holderKid });
    expect(verified.payload.iss).toBe(dana.did);
    expect(verified.payload.exp).toBe(Math.floor(Date.parse(share.expiresAt) / 1000));
    expect(verified.payload.nbf).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    expect(verified.payload.jti).toMatch(/^urn:uuid:/);
    expect(verified.payload).not.toHaveProperty('nonce');
    expect(verified.payload).not.toHaveProperty('aud');
    const body = verified.payload.vp as { '@context': string[]; type: string[]; holder: string; verifiableCredential: string[] };
    expect(body['@context']).toEqual(['https://www.w3.org/2018/credentials/v1']);
    expect(body.type).toEqual(['VerifiablePresentation']);
    expect(body.holder).toBe(dana.did);
    expect(body.verifiableCredential).toHaveLength(2);
    const ids: string[] = [];
    for (const vc of body.verifiableCredential) {
      const inner = await verifyDidJwt(vc, { dids, relationship: 'assertionMethod', expectedDid: eco.did });
      expect(inner.payload.sub).toBe(dana.did);
      ids.push(String(inner.payload.jti));
    }
    expect(ids.sort()).toEqual(credentialIds.slice(0, 2).sort());
    expect((await passport.walletApi('GET', `${share.url}?format=jwt`)).text).toBe(vp);
  });

  it('shows people a readable page, with the link expiry apart from the credentials', async () => {
    const res = await passport.walletApi('GET', `${share.url}?lang=en`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('Tree planting');
    expect(res.text).toContain(dana.did);
    expect(res.text).toContain("not the credentials&#39; expiry");
    expect(res.text).toContain(`href="${VERIFIER_URL}/verify?presentation=${encodeURIComponent(share.url)}"`);
    const kk = await passport.walletApi('GET', `${share.url}?lang=kk`, { headers: { accept: 'text/html' } });
    expect(kk.text).toContain('Ағаш отырғызу');
    expect(kk.text).toContain('куәліктердің мерзімі емес');
  });

  it('lists the shares and draws the QR that opens the verifier', async () => {
    const list = await passport.walletApi('GET', '/v1/shares', { token: dana.token });
    expect(list.body.shares).toHaveLength(1);
    expect(list.body.shares[0]).toMatchObject({ id: share.id, url: share.url, expired: false, credentialIds: credentialIds.slice(0, 2) });
    const qr = await passport.walletApi('GET', share.qrUrl, { token: dana.token });
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(qr.bytes);
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code?.data).toBe(`${VERIFIER_URL}/verify?presentation=${encodeURIComponent(share.url)}`);
    expect((await passport.walletApi('GET', share.qrUrl)).status).toBe(401);
  });

  it.each([
    [{ credentialIds: [], expiresInDays: 5 }, 'credentialIds'],
    [{ credentialIds: ['a', 'a'], expiresInDays: 5 }, 'credentialIds'],
    [{ credentialIds: ['a'], expiresInDays: 0 }, 'expiresInDays'],
    [{ credentialIds: ['a'], expiresInDays: 366 }, 'expiresInDays'],
    [{ credentialIds: ['a'], expiresInDays: 1.5 }, 'expiresInDays'],
    [{ credentialIds: ['a'] }, 'expiresInDays'],
  ])('refuses %j naming the field', async (body, field) => {
    const res = await passport.walletApi('POST', '/v1/shares', { token: dana.token, body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_request', field });
  });

  it("refuses to share another volunteer's credential", async () => {
    const aigerim = await passport.volunteer('aigerim');
    const res = await passport.walletApi('POST', '/v1/shares', { token: aigerim.token, body: { credentialIds: [credentialIds[0]], expiresInDays: 5 } });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'not_found', field: 'credentialIds.0' });
  });

  it('answers 410 once a link has expired', async () => {
    const res = await passport.walletApi('POST', '/v1/shares', { token: dana.token, body: { credentialIds: [credentialIds[2]], expiresInDays: 1 } });
    const db = await openServiceDatabase(passport.wallet);
    try {
      await db.run('UPDATE shares SET expires_at = ? WHERE id = ?', [new Date(Date.now() - 1000).toISOString(), res.body.id]);
    } finally {
      await db.close();
    }
    const machine = await passport.walletApi('GET', res.body.url, { headers: { accept: 'application/jwt' } });
    expect(machine.status).toBe(410);
    expect(machine.body.code).toBe('gone');
    expect((await passport.walletApi('GET', res.body.url, { headers: { accept: 'text/html' } })).status).toBe(410);
    const list = await passport.walletApi('GET', '/v1/shares', { token: dana.token });
    expect(list.body.shares.find((s: { id: string }) => s.id === res.body.id).expired).toBe(true);
  });

  it('stops a deleted link at once', async () => {
    expect((await passport.walletApi('DELETE', `/v1/shares/${share.id}`, { token: dana.token })).status).toBe(204);
    const machine = await passport.walletApi('GET', share.url, { headers: { accept: 'application/jwt' } });
    expect(machine.status).toBe(404);
    expect(machine.body.code).toBe('not_found');
    expect((await passport.walletApi('GET', share.url, { headers: { accept: 'text/html' } })).status).toBe(404);
    expect((await passport.walletApi('DELETE', `/v1/shares/${share.id}`, { token: dana.token })).status).toBe(404);
    expect((await passport.walletApi('GET', `${passport.wallet.url}/p/not-a-real-token-at-all-000`, { headers: { accept: 'application/jwt' } })).status).toBe(404);
  });

  it('keeps share tokens out of the database in clear', async () => {
    const res = await passport.walletApi('POST', '/v1/shares', { token: dana.token, body: { credentialIds: [credentialIds[0]], expiresInDays: 2 } });
    const token = res.body.url.split('/p/')[1];
    const db = await openServiceDatabase(passport.wallet);
    try {
      const rows = await db.all<Record<string, string>>('SELECT * FROM shares');
      expect(JSON.stringify(rows)).not.toContain(token);
    } finally {
      await db.close();
    }
    expect(decodeJwtParts((await passport.walletApi('GET', `${res.body.url}?format=jwt`)).text).payload.iss).toBe(dana.did);
    // The request log names the route by its pattern: a link's token never reaches the log.
    expect(passport.wallet.output()).toContain('/p/:token');
    expect(passport.wallet.output()).not.toContain(token);
  });
});
