import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holder, IssuerFixture, presentation, type FixtureSigner } from '../helpers/issuer-fixture.ts';
import { startService, type StartedService } from '../helpers/services.ts';
import { postJson } from '../verifier/helpers.ts';

/**
 * The OpenID4VP request id is in the QR on the employer's screen: anyone in the room (or who
 * photographs it) has it. Before the fix `GET /v1/requests/{id}` and the `/requests/{id}` page
 * answered the volunteer's name, DID and activities to anyone with the id, for 7 days.
 */
let fixture: IssuerFixture;
let verifier: StartedService;
let volunteer: FixtureSigner;

async function answerAsWallet(requestUri: string, credential: string): Promise<void> {
  const object = await (await fetch(new URL(requestUri).searchParams.get('request_uri')!)).text();
  const claims = JSON.parse(Buffer.from(object.split('.')[1]!, 'base64url').toString()) as Record<string, string>;
  const vp = await presentation(volunteer, [credential], { nonce: claims.nonce!, aud: claims.client_id! });
  const res = await fetch(claims.response_uri!, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ state: claims.state!, vp_token: JSON.stringify({ volunteer_activity: [vp] }) }),
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  fixture = await IssuerFixture.start();
  fixture.addOrganization('eco-qyran');
  volunteer = holder();
  verifier = await startService('verifier', { env: { REGISTRY_DID: fixture.registry.did, TRUST_LIST_URL: fixture.trustListUrl } });
});
afterAll(async () => {
  await verifier?.stop();
  await fixture?.stop();
});

describe('verifier request bearer', () => {
  it('the id from the QR reads neither the result nor the page: only the readToken does', async () => {
    const credential = await fixture.issue('eco-qyran', { holderDid: volunteer.did, holderName: 'Dana Secretname' });
    const created = (await postJson(`${verifier.url}/v1/requests`, {})).body as { id: string; requestUri: string; readToken: string };
    await answerAsWallet(created.requestUri, credential);

    const byId = await fetch(`${verifier.url}/v1/requests/${created.id}`);
    const text = await byId.text();
    expect(byId.status).toBe(401);
    expect(text).not.toContain('Secretname');
    expect(text).not.toContain(volunteer.did);
    const guessed = await fetch(`${verifier.url}/v1/requests/${created.id}`, { headers: { authorization: `Bearer ${created.id}` } });
    expect(guessed.status).toBe(401);
    const page = await (await fetch(`${verifier.url}/requests/${created.id}`)).text();
    expect(page).not.toContain('Secretname');
    expect(page).not.toContain(volunteer.did);
    expect((await fetch(`${verifier.url}/requests/${created.id}/answer`)).status).toBe(401);

    const owner = await fetch(`${verifier.url}/v1/requests/${created.id}`, { headers: { authorization: `Bearer ${created.readToken}` } });
    expect(owner.status).toBe(200);
    const body = (await owner.json()) as { status: string; result: { holder: { name: string } } };
    expect(body.status).toBe('verified');
    expect(body.result.holder.name).toBe('Dana Secretname');
  });
});
