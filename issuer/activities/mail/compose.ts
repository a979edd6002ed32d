import { localized, type Activity, type Language, type LocalizedText } from '../../../shared/credential/index.ts';
import { escapeHtml } from '../../../shared/pages/index.ts';
import { qrPng } from '../../../shared/qr.ts';
import { fill, MAIL_TEXTS } from './texts.ts';

export interface OfferMailContent {
  lang: Language;
  volunteerName: string;
  organization: LocalizedText;
  activity: Activity;
  claimUrl: string;
  offerUri: string;
  expiresAt: string;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; content: Buffer; cid: string; contentType: string }[];
}

const LOCALE: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/** A date as `dd.mm.yyyy`, as kk and ru readers write it (and unambiguous for en). */
export function dottedDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** The offer e-mail: text and HTML, the https claim link, and the QR inline (cid). */
export async function composeOfferMail(c: OfferMailContent): Promise<ComposedMail> {
  const t = MAIL_TEXTS[c.lang];
  const activity = localized(c.activity.name, c.lang);
  const dates = c.activity.activityStartDate === c.activity.activityEndDate
    ? dottedDate(c.activity.activityStartDate)
    : `${dottedDate(c.activity.activityStartDate)}–${dottedDate(c.activity.activityEndDate)}`;
  const values = {
    name: c.volunteerName,
    organization: localized(c.organization, c.lang),
    activity,
    dates,
    hours: new Intl.NumberFormat(LOCALE[c.lang], { maximumFractionDigits: 2, useGrouping: false }).format(c.activity.hours),
    date: dottedDate(c.expiresAt),
  };
  const lines = [fill(t.greeting, values), '', fill(t.body, values), '', t.open, c.claimUrl, '', t.scan, fill(t.until, values), '', t.other, c.offerUri];
  const e = (s: string) => escapeHtml(s);
  const html = `<!doctype html><html lang="${c.lang}"><body style="font-family:sans-serif">
<p>${e(fill(t.greeting, values))}</p>
<p>${e(fill(t.body, values))}</p>
<p>${e(t.open)}<br><a href="${e(c.claimUrl)}">${e(c.claimUrl)}</a></p>
<p>${e(t.scan)}</p>
<p><img src="cid:offer-qr" alt="QR" width="240" height="240"></p>
<p>${e(fill(t.until, values))}</p>
<p style="color:#666;font-size:smaller">${e(t.other)}<br>${e(c.offerUri)}</p>
</body></html>`;
  return {
    subject: fill(t.subject, values),
    text: lines.join('\n'),
    html,
    attachments: [{ filename: 'offer-qr.png', content: await qrPng(c.claimUrl, 480), cid: 'offer-qr', contentType: 'image/png' }],
  };
}
