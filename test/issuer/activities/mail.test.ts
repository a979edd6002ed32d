import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailbox, type TestMailbox } from '../../helpers/smtp.ts';
import { activity, startIssuer, type IssuerUnderTest, type Organization } from '../issuance/setup.ts';

const jsQR = jsQRModule as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const WALLET = 'https://wallet.passport.example.kz';

let t: IssuerUnderTest;
let org: Organization;
let mailbox: TestMailbox;

beforeAll(async () => {
  mailbox = await startMailbox();
  t = await startIssuer({ WALLET_URL: WALLET, SMTP_URL: mailbox.url, MAIL_FROM: 'Passport <offers@passport.example.kz>', MAIL_LANGUAGE: 'ru' });
  org = await t.accredit('mail-org');
}, 60_000);
afterAll(async () => {
  await t?.issuer.stop();
  await mailbox?.stop();
});

function qrOf(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

async function activityOf(id: string) {
  return (await t.api('GET', `/v1/activities/${id}`, { token: org.apiKey })).body;
}

async function waitForMailState(id: string, status: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const a = await activityOf(id);
    if (a.mail?.status === status) return a;
    if (Date.now() > deadline) throw new Error(`mail of ${id} is ${JSON.stringify(a.mail)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('offer e-mails', () => {
  it('sends each offer in the volunteer\'s language (the default for rows without one), with the https link and the QR inline', async () => {
    const rows = [
      { volunteer: { name: 'Айгерім Сейтқали', email: 'aigerim@example.kz', language: 'kk' }, activity: activity() },
      { volunteer: { name: 'Anna Petrova', email: 'anna@example.kz' }, activity: activity({ hours: 6 }) },
      { volunteer: { name: 'Без почты' }, activity: activity({ hours: 2 }) },
    ];
    const res = await t.api('POST', '/v1/activities/batch', { token: org.apiKey, body: rows });
    expect(res.body.every((r: { id?: string }) => r.id)).toBe(true);
    const mails = await mailbox.waitFor(2);
    const kk = mails.find((m) => m.to && JSON.stringify(m.to).includes('aigerim@example.kz'))!;
    const ru = mails.find((m) => m.to && JSON.stringify(m.to).includes('anna@example.kz'))!;
    expect(kk.subject).toContain('Волонтерлік жұмысыңыздың куәлігі');
    expect(kk.text).toContain('Сәлеметсіз бе, Айгерім Сейтқали!');
    expect(kk.text).toContain(res.body[0].claimUrl);
    // mailparser turns the cid: reference into a data: URL; the attachment says it was inline.
    expect(kk.html).toContain('<img src="data:image/png');
    expect(res.body[0].claimUrl.startsWith(`${WALLET}/claim?offer=`)).toBe(true);
    const qr = kk.attachments.find((a) => a.cid === 'offer-qr')!;
    expect(qr.contentType).toBe('image/png');
    expect(qr.related).toBe(true);
    expect(qrOf(qr.content)).toBe(res.body[0].claimUrl);
    expect(ru.subject).toContain('Подтверждение вашей волонтёрской работы');
    expect(ru.text).toContain('6 ч.');
    expect(ru.text).toContain(res.body[1].offerUri);
    expect(mails).toHaveLength(2);

    const sent = await waitForMailState(res.body[0].id, 'sent');
    expect(sent.mail.at).toBeDefined();
    expect((await activityOf(res.body[2].id)).mail).toBeUndefined();
  });

  it('sends again on request (202), to a new address when given', async () => {
    const { body } = await t.api('POST', '/v1/activities', { token: org.apiKey, body: { volunteer: { name: 'Дәурен' }, activity: activity({ hours: 3 }) } });
    const before = mailbox.messages.length;
    const missing = await t.api('POST', `/v1/activities/${body.id}/send`, { token: org.apiKey, body: {} });
    expect(missing.body).toMatchObject({ status: 400, field: 'email' });
    const again = await t.api('POST', `/v1/activities/${body.id}/send`, { token: org.apiKey, body: { email: 'dauren@example.kz', language: 'en' } });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ id: body.id, status: 'queued', to: 'dauren@example.kz' });
    const mails = await mailbox.waitFor(before + 1);
    expect(mails[before]!.subject).toContain('Your volunteer work confirmed');
    expect(mails[before]!.text).toContain(body.claimUrl);
    expect((await activityOf(body.id)).volunteer).toMatchObject({ email: 'dauren@example.kz', language: 'en' });

    const bad = await t.api('POST', `/v1/activities/${body.id}/send`, { token: org.apiKey, body: { email: 'not an address' } });
    expect(bad.body).toMatchObject({ status: 400, code: 'invalid_request', field: 'email' });
    const other = await t.accredit('mail-other-org');
    expect((await t.api('POST', `/v1/activities/${body.id}/send`, { token: other.apiKey, body: {} })).body).toMatchObject({ status: 404 });
  });

  it('keeps an e-mail queued while the mail server refuses, says why, and sends it after the issuer restarts', async () => {
    mailbox.refuse = true;
    let id = '';
    try {
      const { body } = await t.api('POST', '/v1/activities', { token: org.apiKey, body: { volunteer: { name: 'Ерлан', email: 'erlan@example.kz' }, activity: activity({ hours: 5 }) } });
      const deadline = Date.now() + 30_000;
      let a = await activityOf(body.id);
      while (!a.mail?.error && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        a = await activityOf(body.id);
      }
      expect(a.mail).toMatchObject({ status: 'queued' });
      expect(a.mail.error).toContain('busy');
      id = body.id;
    } finally {
      mailbox.refuse = false;
    }
    const before = mailbox.messages.length;
    await t.issuer.restart();
    // The retry waits out its backoff (15 s) in the outbox table, not in the process that died.
    const mails = await mailbox.waitFor(before + 1, 60_000);
    expect(JSON.stringify(mails[before]!.to)).toContain('erlan@example.kz');
    expect((await waitForMailState(id, 'sent')).mail.error).toBeUndefined();
    expect(mailbox.messages.filter((m) => JSON.stringify(m.to).includes('erlan@example.kz'))).toHaveLength(1);
  }, 90_000);

  it('does not send a withdrawn offer', async () => {
    const { body } = await t.api('POST', '/v1/activities', { token: org.apiKey, body: { volunteer: { name: 'Жанар' }, activity: activity({ hours: 1 }) } });
    await t.api('POST', `/v1/activities/${body.id}/withdraw`, { token: org.apiKey, body: { reason: 'wrong person' } });
    const sent = await t.api('POST', `/v1/activities/${body.id}/send`, { token: org.apiKey, body: { email: 'zhanar@example.kz' } });
    expect(sent.body).toMatchObject({ status: 410, code: 'gone' });
  });
});
