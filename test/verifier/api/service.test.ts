import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type StartedService } from '../../helpers/services.ts';
import { postJson } from '../helpers.ts';

// The verifier as a service: its documents, limits and pages, over real HTTP.
describe('verifier service', () => {
  let verifier: StartedService;

  beforeAll(async () => {
    verifier = await startService('verifier', { env: { WRITE_RATE_LIMIT: '30' } });
  });
  afterAll(() => verifier?.stop());

  it('is healthy and documents every route in OpenAPI 3.1', async () => {
    expect(await (await fetch(`${verifier.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const doc = await (await fetch(`${verifier.url}/openapi.json`)).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/verify', '/credentials/verify', '/presentations/verify', '/v1/requests', '/v1/requests/{id}', '/v1/requests/{id}/qr.png',
        '/oid4vp/requests/{id}', '/oid4vp/responses/{id}', '/', '/verify', '/requests/new', '/requests/{id}', '/healthz', '/openapi.json',
      ]),
    );
    expect(doc.components.schemas.Check.properties.id.enum).toEqual([
      'format', 'signature', 'issuer_resolved', 'issuer_accredited', 'not_revoked', 'not_expired', 'schema', 'holder_binding', 'challenge', 'policy', 'identity',
    ]);
  });

  it('answers 413 for a body over 1 MiB, as problem details', async () => {
    const res = await postJson(`${verifier.url}/v1/verify`, { jwt: 'a'.repeat(1_100_000) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('serves the pages in the chosen language, with same-origin scripts only', async () => {
    for (const [lang, heading] of [['kk', 'QR кодты сканерлеңіз'], ['ru', 'Отсканируйте QR-код'], ['en', 'Scan a QR code']]) {
      const res = await fetch(`${verifier.url}/?lang=${lang}`);
      const page = await res.text();
      expect(page).toContain(`<html lang="${lang}">`);
      expect(page).toContain(heading);
      expect(page).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*src="\/assets\/)/);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
    const russian = await fetch(`${verifier.url}/requests/new`, { headers: { 'accept-language': 'ru-RU,ru;q=0.9' } });
    expect(await russian.text()).toContain('Запросить волонтёрский опыт');
    const jsqr = await fetch(`${verifier.url}/assets/jsQR.js`);
    expect(jsqr.headers.get('content-type')).toMatch(/javascript/);
    expect((await jsqr.text()).length).toBeGreaterThan(10_000);
  });

  it('renders a problem page, never a 500, for a pasted input that is no credential', async () => {
    const res = await fetch(`${verifier.url}/verify?lang=en`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'input=hello' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('This is neither a credential nor a presentation');
  });

  it('refuses an invalid request form with the reason on the page', async () => {
    const res = await fetch(`${verifier.url}/requests/new?lang=en`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'minHours=-3' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('minHours must be greater than 0');
  });

  it('rate limits writes per client', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => postJson(`${verifier.url}/v1/requests`, {})));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.body.code).toBe('rate_limited');
    expect((await fetch(`${verifier.url}/openapi.json`)).status).toBe(200);
  });

  it('rate limits the result page, which makes the verifier fetch a link it is given', async () => {
    const link = encodeURIComponent('http://169.254.169.254/p/x');
    const answers = await Promise.all(Array.from({ length: 40 }, () => fetch(`${verifier.url}/verify?presentation=${link}`)));
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 400).length).toBeGreaterThan(0);
  });
});
