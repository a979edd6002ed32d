import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type StartedService } from '../../helpers/services.ts';

const PAGES = ['/', '/claim', '/share', '/respond', '/credentials/urn%3Auuid%3A7f0e'];
const LANGUAGES = ['kk', 'ru', 'en'] as const;

/** The wallet's pages over real HTTP: languages, the CSP-safe frame, and nothing loaded from elsewhere. */
describe('wallet pages router', () => {
  let wallet: StartedService;

  beforeAll(async () => {
    wallet = await startService('wallet');
  });

  afterAll(async () => {
    await wallet?.stop();
  });

  async function page(path: string, headers: Record<string, string> = {}): Promise<{ res: Response; body: string }> {
    const res = await fetch(wallet.url + path, { headers });
    return { res, body: await res.text() };
  }

  it('picks ?lang= first (and remembers it in a cookie), then the cookie, then Accept-Language, then Kazakh', async () => {
    expect((await page('/')).body).toContain('<html lang="kk">');
    expect((await page('/', { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' })).body).toContain('<html lang="ru">');
    const asked = await page('/?lang=en', { 'accept-language': 'ru' });
    expect(asked.body).toContain('<html lang="en">');
    expect(asked.res.headers.get('set-cookie')).toMatch(/^lang=en;/);
    expect((await page('/', { cookie: 'lang=en', 'accept-language': 'ru' })).body).toContain('<html lang="en">');
  });

  it('serves every page in every language, with only same-origin resources and no inline script', async () => {
    for (const path of PAGES) {
      for (const lang of LANGUAGES) {
        const { res, body } = await page(`${path}?lang=${lang}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/html/);
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
        const resources = [...body.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
        expect(resources.length).toBeGreaterThan(5);
        for (const resource of resources) expect(resource, `${path} ${lang}`).toMatch(/^\/(?!\/)/);
        const scripts = [...body.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!.trim());
        for (const attributes of scripts) expect(attributes).toMatch(/^src="\/assets\/[\w.-]+\.js"$|^type="application\/json" id="wallet-texts"$/);
        for (const asset of resources.filter((r) => r.startsWith('/assets/'))) {
          const res = await fetch(wallet.url + asset);
          expect(res.status, asset).toBe(200);
          expect(res.headers.get('content-type'), asset).toMatch(/^(text\/css|text\/javascript|application\/javascript)/);
        }
      }
    }
  });

  it('hands the scripts every text in the page language, category names included', async () => {
    const tables = [];
    for (const lang of LANGUAGES) {
      const { body } = await page(`/share?lang=${lang}`);
      const json = /<script type="application\/json" id="wallet-texts">([^<]*)<\/script>/.exec(body)![1]!;
      tables.push(JSON.parse(json) as Record<string, string>);
    }
    const [kk, ru, en] = tables;
    expect(Object.keys(kk!).sort()).toEqual(Object.keys(en!).sort());
    expect(Object.keys(ru!).sort()).toEqual(Object.keys(en!).sort());
    expect([kk!['category.education'], ru!['category.education'], en!['category.education']]).toEqual(['Білім беру', 'Образование', 'Education']);
    expect(kk!['status.revoked']).toBe('Кері қайтарылған');
  });

  it('fills a claim link in, escaped, and keeps it through the language switch', async () => {
    const offer = 'openid-credential-offer://?credential_offer_uri=x</textarea><script>alert(1)</script>';
    const { body } = await page(`/claim?lang=ru&offer=${encodeURIComponent(offer)}`);
    expect(body).not.toContain('<script>alert(1)');
    expect(body).toContain('x&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>');
    expect(body).toContain(`href="/claim?${new URLSearchParams({ offer })}&amp;lang=kk"`);
  });

  it('serves the bundled QR decoder and refuses paths outside the assets folder', async () => {
    const decoder = await fetch(`${wallet.url}/assets/jsQR.js`);
    expect(decoder.status).toBe(200);
    expect(await decoder.text()).toContain('jsQR');
    for (const path of ['/assets/../pages/router.ts', '/assets/%2e%2e/pages/router.ts', '/assets/..%2fpages%2frouter.ts']) {
      const res = await fetch(wallet.url + path);
      expect(res.status, path).toBe(404);
      expect((await res.json()).code).toBe('not_found');
    }
  });
});
