import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, activity, claimByHand, newHolder, startIssuer, type IssuerUnderTest, type Organization } from './setup.ts';

// jsqr is CommonJS; its types describe the ESM namespace, the runtime default is the function.
const jsQR = jsQRModule as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

let t: IssuerUnderTest;
let org: Organization;
let other: Organization;
const record = (body: unknown, key = org.apiKey) => t.api('POST', '/v1/activities', { token: key, body });

beforeAll(async () => {
  t = await startIssuer();
  org = await t.accredit('bilim-volunteers');
  other = await t.accredit('jas-qanat', 'KZ-71');
}, 60_000);
afterAll(() => t?.issuer.stop());

async function listAll(key: string, query = ''): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: { items: any[]; nextCursor: string | null } } = await t.api('GET', `/v1/activities?limit=200${query}${cursor ? `&cursor=${cursor}` : ''}`, { token: key });
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

describe('recording an activity', () => {
  it('answers 201 with an offer and the QR code URL', async () => {
    const res = await record({ volunteer: { name: 'Дана Әлиева', email: 'dana@example.kz' }, activity: activity() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'offered' });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.offerUri).toMatch(/^openid-credential-offer:\/\/\?credential_offer_uri=/);
    expect(res.body.qrUrl).toBe(`${t.issuer.url}/v1/activities/${res.body.id}/offer.png`);
    const read = await t.api('GET', `/v1/activities/${res.body.id}`, { token: org.apiKey });
    expect(read.body).toMatchObject({
      id: res.body.id,
      status: 'offered',
      offerUri: res.body.offerUri,
      volunteer: { name: 'Дана Әлиева', email: 'dana@example.kz' },
      activity: { name: { kk: 'Ағаш отырғызу' }, hours: 18.5, region: 'KZ-55' },
    });
  });

  it('refuses each invalid field with 400 naming it', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ volunteer: { name: 'A' }, activity: activity({ category: 'gardening' }) }, 'activity.category'],
      [{ volunteer: { name: 'A' }, activity: activity({ region: 'KZ-99' }) }, 'activity.region'],
      [{ volunteer: { name: 'A' }, activity: activity({ region: 'KZ-PAV' }) }, 'activity.region'],
      [{ volunteer: { name: 'A' }, activity: activity({ activityStartDate: '2026-04-27', activityEndDate: '2026-04-20' }) }, 'activity.activityEndDate'],
      [{ volunteer: { name: 'A' }, activity: activity({ activityStartDate: '2026-02-30' }) }, 'activity.activityStartDate'],
      [{ volunteer: { name: 'A' }, activity: activity({ hours: 0 }) }, 'activity.hours'],
      [{ volunteer: { name: 'A' }, activity: activity({ hours: -2 }) }, 'activity.hours'],
      [{ volunteer: { name: 'A' }, activity: activity({ hours: '5' }) }, 'activity.hours'],
      [{ volunteer: { name: 'A' }, activity: activity({ activityStartDate: '2026-04-20', activityEndDate: '2026-04-20', hours: 25 }) }, 'activity.hours'],
      [{ volunteer: { name: 'A' }, activity: activity({ activityEndDate: '2099-01-01' }) }, 'activity.activityEndDate'],
      [{ volunteer: { name: 'A' }, activity: activity({ name: {} }) }, 'activity.name'],
      [{ volunteer: { name: 'A' }, activity: activity({ name: { de: 'Bäume' } }) }, 'activity.name'],
      [{ volunteer: { name: 'A' }, activity: activity({ colour: 'green' }) }, 'activity'],
      [{ volunteer: { name: '' }, activity: activity() }, 'volunteer.name'],
      [{ volunteer: {}, activity: activity() }, 'volunteer.name'],
      [{ volunteer: { name: 'A', email: 'not-an-email' }, activity: activity() }, 'volunteer.email'],
      [{ volunteer: { name: 'A' } }, 'activity'],
      [{ activity: activity() }, 'volunteer'],
      [{ volunteer: { name: 'A' }, activity: activity(), idempotencyKey: '' }, 'idempotencyKey'],
    ];
    for (const [body, field] of cases) {
      const res = await record(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body, JSON.stringify(body)).toMatchObject({ code: 'invalid_request', field });
      expect(res.body.detail).toContain(field);
    }
    const broken = await t.api('POST', '/v1/activities', { token: org.apiKey, raw: '{"volunteer":', type: 'application/json' });
    expect(broken.body).toMatchObject({ status: 400, code: 'invalid_request' });
  });

  it('is for organizations only', async () => {
    const body = { volunteer: { name: 'A' }, activity: activity() };
    expect((await t.api('POST', '/v1/activities', { body })).body).toMatchObject({ status: 401, code: 'unauthorized' });
    expect((await record(body, ADMIN)).body).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await t.api('GET', '/v1/activities', { token: ADMIN })).body).toMatchObject({ status: 403, code: 'forbidden' });
  });
});

describe('idempotency', () => {
  it('answers a replay with the first result and records nothing twice', async () => {
    const body = { volunteer: { name: 'Ерлан' }, activity: activity({ hours: 4 }), idempotencyKey: 'replay-1' };
    const first = await record(body);
    const second = await record(body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await listAll(org.apiKey)).filter((a) => a.idempotencyKey === 'replay-1')).toHaveLength(1);
  });

  it('refuses the same key with different content as a conflict', async () => {
    await record({ volunteer: { name: 'Ерлан' }, activity: activity({ hours: 4 }), idempotencyKey: 'replay-2' });
    const changed = await record({ volunteer: { name: 'Ерлан' }, activity: activity({ hours: 5 }), idempotencyKey: 'replay-2' });
    expect(changed.body).toMatchObject({ status: 409, code: 'conflict', field: 'idempotencyKey' });
  });

  it('records one activity when identical requests race', async () => {
    const body = { volunteer: { name: 'Жансая' }, activity: activity({ hours: 6 }), idempotencyKey: 'race-1' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => record(body)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect((await listAll(org.apiKey)).filter((a) => a.idempotencyKey === 'race-1')).toHaveLength(1);
  });

  it('keeps keys per organization', async () => {
    const body = { volunteer: { name: 'Ерлан' }, activity: activity({ hours: 4 }), idempotencyKey: 'replay-1' };
    const theirs = await record(body, other.apiKey);
    expect(theirs.status).toBe(201);
    expect((await listAll(other.apiKey)).map((a) => a.id)).toEqual([theirs.body.id]);
  });
});

describe('listing and reading', () => {
  it('pages through the organization’s own activities with an opaque cursor', async () => {
    const fresh = await t.accredit('paging-org');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await record({ volunteer: { name: `V${i}` }, activity: activity() }, fresh.apiKey)).body.id);
    const first = await t.api('GET', '/v1/activities?limit=2', { token: fresh.apiKey });
    expect(first.body.items).toHaveLength(2);
    expect(typeof first.body.nextCursor).toBe('string');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await t.api('GET', `/v1/activities?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: fresh.apiKey });
      seen.push(...page.body.items.map((a: { id: string }) => a.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...ids].sort());
    expect((await t.api('GET', '/v1/activities?cursor=garbage', { token: fresh.apiKey })).body).toMatchObject({ status: 400, field: 'cursor' });
    expect((await t.api('GET', '/v1/activities?status=lost', { token: fresh.apiKey })).body).toMatchObject({ status: 400, field: 'status' });
    expect((await t.api('GET', '/v1/activities?limit=0', { token: fresh.apiKey })).body).toMatchObject({ status: 400, field: 'limit' });
  });

  it('filters by status', async () => {
    const fresh = await t.accredit('status-org');
    const a = (await record({ volunteer: { name: 'A' }, activity: activity() }, fresh.apiKey)).body;
    const b = (await record({ volunteer: { name: 'B' }, activity: activity() }, fresh.apiKey)).body;
    expect((await claimByHand(t, a.offerUri, newHolder())).status).toBe(200);
    expect((await listAll(fresh.apiKey, '&status=claimed')).map((x) => x.id)).toEqual([a.id]);
    expect((await listAll(fresh.apiKey, '&status=offered')).map((x) => x.id)).toEqual([b.id]);
  });

  it('hides other organizations’ activities', async () => {
    const mine = (await record({ volunteer: { name: 'A' }, activity: activity() })).body;
    expect((await t.api('GET', `/v1/activities/${mine.id}`, { token: other.apiKey })).body).toMatchObject({ status: 404, code: 'not_found' });
    expect((await t.api('GET', `/v1/activities/${mine.id}/offer.png`, { token: other.apiKey })).body).toMatchObject({ status: 404 });
    expect((await listAll(other.apiKey)).some((a) => a.id === mine.id)).toBe(false);
  });
});

describe('the offer as a QR code', () => {
  it('is a PNG whose QR code is the https claim link a phone camera opens (the wallet form on ?form=wallet)', async () => {
    const { id, offerUri, claimUrl } = (await record({ volunteer: { name: 'Әсел' }, activity: activity() })).body;
    const res = await fetch(`${t.issuer.url}/v1/activities/${id}/offer.png`, { headers: { authorization: `Bearer ${org.apiKey}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(claimUrl);
    expect(new URL(claimUrl).searchParams.get('offer')).toBe(offerUri);
    const wallet = await fetch(`${t.issuer.url}/v1/activities/${id}/offer.png?form=wallet`, { headers: { authorization: `Bearer ${org.apiKey}` } });
    const walletPng = PNG.sync.read(Buffer.from(await wallet.arrayBuffer()));
    expect(jsQR(new Uint8ClampedArray(walletPng.data), walletPng.width, walletPng.height)?.data).toBe(offerUri);
    expect((await fetch(`${t.issuer.url}/v1/activities/${id}/offer.png`)).status).toBe(401);
  });
});
