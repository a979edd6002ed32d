import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { localized, type Language } from '../../shared/credential/index.ts';
import { translator } from '../../shared/i18n/index.ts';
import { categoryName } from '../../shared/credential/index.ts';
import type { CredentialView } from '../credentials/index.ts';
import type { Totals } from '../totals/index.ts';
import { PDF_MESSAGES } from './messages.ts';

// DejaVu Sans comes from npm (dejavu-fonts-ttf), so the PDF shows Kazakh letters on any machine.
const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const LOCALE: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

export interface PassportPdfContent {
  lang: Language;
  holderName: string | null;
  did: string;
  printedAt: Date;
  totals: Totals;
  credentials: CredentialView[];
  /** The share link the QR opens (one the volunteer made), its verifier URL and QR; null when there is none. */
  share: { url: string; verifyUrl: string; expiresAt: string; credentialCount: number; qr: Buffer } | null;
}

/** Formats hours the way the reader's language writes numbers (18,5 in kk and ru; 18.5 in en). */
export function formatHours(hours: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2, useGrouping: false }).format(hours);
}

/** Lays the printable passport out with pdfkit and resolves with the PDF's bytes. */
export function renderPassportPdf(content: PassportPdfContent): Promise<Buffer> {
  const t = translator(PDF_MESSAGES, content.lang);
  const hours = (n: number) => formatHours(n, content.lang);
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: t('title'), Creator: 'Volunteer Passport' } });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string, size = 14) => doc.moveDown(0.6).font('bold').fontSize(size).text(text).moveDown(0.2).font('body').fontSize(10.5);
  doc.font('bold').fontSize(22).text(t('title'));
  doc.font('body').fontSize(10.5).moveDown(0.5);
  // No login: a printed passport must not hand out half of the sign-in.
  if (content.holderName) doc.text(`${t('volunteer')}: ${content.holderName}`);
  // A did:key has no spaces to wrap at; on a line of its own, in a smaller size, it fits the page.
  doc.text(`${t('did')}:`).fontSize(8.5).text(content.did).fontSize(10.5);
  doc.text(`${t('printed')}: ${content.printedAt.toISOString().slice(0, 10)}`);

  heading(t('totals'));
  doc.font('bold').fontSize(13).text(t('totalHours', { hours: hours(content.totals.totalHours) })).font('body').fontSize(10.5);
  if (content.totals.byCategory.length) {
    heading(t('byCategory'), 11.5);
    for (const c of content.totals.byCategory) doc.text(`${categoryName(c.category, content.lang)}: ${hours(c.hours)} ${t('hours')}`);
  }
  if (content.totals.byYear.length) {
    heading(t('byYear'), 11.5);
    for (const y of content.totals.byYear) doc.text(`${y.year}: ${hours(y.hours)} ${t('hours')}`);
  }
  if (content.totals.byOrganization.length) {
    heading(t('byOrganization'), 11.5);
    for (const o of content.totals.byOrganization) doc.text(`${o.name[content.lang]}: ${hours(o.hours)} ${t('hours')}`);
  }
  if (content.totals.excluded.total) doc.moveDown(0.3).text(t('excluded', { count: content.totals.excluded.total }));

  heading(t('credentials'));
  if (!content.credentials.length) doc.text(t('none'));
  for (const c of content.credentials) {
    const a = c.activity;
    doc.font('bold').text(`${localized(a.name, content.lang)} — ${hours(a.hours)} ${t('hours')}`, { continued: false });
    doc.font('body').text(`${t('organization')}: ${c.organization.name[content.lang]}`);
    doc.text(`${categoryName(a.category, content.lang)} · ${t('dates')}: ${a.activityStartDate} – ${a.activityEndDate}${a.project ? ` · ${a.project}` : ''}`);
    doc.text(`${t('status')}: ${t(c.status)}`).moveDown(0.4);
  }

  heading(t('verifyHeading'));
  if (content.share) {
    doc.text(t('verifyHow'));
    if (doc.y > doc.page.height - 260) doc.addPage();
    doc.image(content.share.qr, { fit: [170, 170] });
    doc.moveDown(0.3).text(content.share.url);
    doc.fontSize(8.5).text(content.share.verifyUrl).fontSize(10.5);
    doc.text(t('shareHolds', { count: content.share.credentialCount }));
    doc.text(t('linkExpires', { date: content.share.expiresAt.slice(0, 10) }));
  } else {
    doc.text(t('noShare'));
  }
  doc.end();
  return done;
}
