import { call, freshNonce, offerUrlOf, PRE_AUTH, proofJwt, type Holder, type IssuerUnderTest, type Organization } from '../issuance/setup.ts';

export * from '../issuance/setup.ts';

/** An event happening today, open for check-ins for an hour. */
export function eventBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  // The event's day in Kazakhstan (UTC+5), where the printed code's dates are read.
  const today = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
  return {
    activity: { name: { kk: 'Ертіс жағасын тазалау', ru: 'Уборка берега Иртыша', en: 'Irtysh bank clean-up' }, project: 'Таза Ертіс', category: 'ecology', region: 'KZ-55', activityStartDate: today, activityEndDate: today },
    place: 'Pavlodar, Irtysh embankment',
    checkInUntil: new Date(Date.now() + 3_600_000).toISOString(),
    ...overrides,
  };
}

export async function createEvent(t: IssuerUnderTest, org: Organization, overrides: Record<string, unknown> = {}): Promise<any> {
  const res = await t.api('POST', '/v1/events', { token: org.apiKey, body: eventBody(overrides) });
  if (res.status !== 201) throw new Error(`creating an event answered ${res.status}: ${res.text}`);
  return res.body;
}

/** A check-in by hand: offer → token → nonce → proof → credential request; answers the credential endpoint's response and the token. */
export async function checkInByHand(t: IssuerUnderTest, offerUri: string, holder: Holder, extra: Record<string, unknown> = {}, signer: Holder = holder) {
  const offer = await call(t.issuer.url, 'GET', offerUrlOf(offerUri));
  if (offer.status !== 200) return { response: offer, token: undefined };
  const code = offer.body.grants[PRE_AUTH]['pre-authorized_code'];
  const tokenRes = await t.api('POST', '/oid4vci/token', { raw: new URLSearchParams({ grant_type: PRE_AUTH, 'pre-authorized_code': code }).toString(), type: 'application/x-www-form-urlencoded' });
  const token = tokenRes.body.access_token as string;
  const response = await credentialRequest(t, token, signer, extra);
  return { response, token };
}

export async function credentialRequest(t: IssuerUnderTest, token: string, signer: Holder, extra: Record<string, unknown> = {}) {
  const jwt = await proofJwt(signer, { aud: t.issuer.url, nonce: await freshNonce(t) });
  return t.api('POST', '/oid4vci/credential', { token, body: { credential_configuration_id: 'VolunteerActivityCredential', proofs: { jwt: [jwt] }, ...extra } });
}

export function deferred(t: IssuerUnderTest, token: string, transactionId: string) {
  return t.api('POST', '/oid4vci/deferred', { token, body: { transaction_id: transactionId } });
}
