import { type Language } from '../../shared/credential/index.ts';
import { translator } from '../../shared/i18n/index.ts';
import { formatDateTime } from '../../shared/pages/index.ts';
import { openPdf } from '../../shared/pdf/document.ts';
import { drawQr } from '../../shared/pdf/qr.ts';
import type { CredentialView } from '../credentials/index.ts';
import type { Totals } from '../totals/index.ts';
import { dayOf } from './dates.ts';
import { PDF_MESSAGES, type PdfKey } from './messages.ts';
import { credentialsSection, totalsSection } from './sections.ts';
import { ACCENT, INK, LINE, MUTED, SHADE } from './style.ts';

export interface PassportPdfContent {
  lang: Language;
  holderName: string | null;
  did: string;
  printedAt: Date;
  totals: Totals;
  credentials: CredentialView[];
  /** The share link the QR opens (one the volunteer made), its verifier URL and QR; null when there is none. */
  share: { url: string; verifyUrl: string; expiresAt: string; credentialCount: number } | null;
}

export type Translate = (key: PdfKey, vars?: Record<string, string | number>) => string;

export function pdfTranslator(lang: Language): Translate {
  return translator(PDF_MESSAGES, lang);
}

const MARGIN = 50;
/** Room kept under the text for the footer (date and page number). */
const FOOTER_ROOM = 36;

/**
 * Lays the printable passport out with pdfkit and resolves with the PDF's bytes: a header with
 * the title and the volunteer's name, the verification QR with its explanation on page 1, the
 * totals as tables, the credentials as a table, and on every page the date and the page number.
 */
export function renderPassportPdf(content: PassportPdfContent): Promise<Buffer> {
  const t = pdfTranslator(content.lang);
  const { doc, bytes } = openPdf({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_ROOM },
    bufferPages: true,
    info: { Title: content.holderName ? `${t('title')}: ${content.holderName}` : t('title'), Creator: 'Volunteer Passport' },
    lang: content.lang,
  });
  header(doc, content, t);
  verification(doc, content, t);
  totalsSection(doc, content, t);
  credentialsSection(doc, content, t);
  footers(doc, content, t);
  doc.end();
  return bytes;
}

function width(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Title, the volunteer's name (never the login: a printed page must not hand out half of the sign-in), DID and print time. */
function header(doc: PDFKit.PDFDocument, content: PassportPdfContent, t: Translate): void {
  const left = doc.page.margins.left;
  doc.save().rect(0, 0, doc.page.width, 8).fill(ACCENT).restore();
  doc.font('bold').fontSize(24).fillColor(ACCENT).text(t('title'), left, MARGIN - 8);
  doc.font('body').fontSize(10.5).fillColor(MUTED).text(t('subtitle'));
  doc.moveDown(0.6);
  if (content.holderName) {
    doc.font('body').fontSize(9).fillColor(MUTED).text(t('volunteer'));
    doc.font('bold').fontSize(17).fillColor(INK).text(content.holderName);
  }
  // A did:key has no spaces to wrap at: small type, on a line of its own, fits the page.
  doc.moveDown(0.3).font('body').fontSize(8).fillColor(MUTED).text(`${t('did')}: `, { continued: true }).fillColor(INK).text(content.did);
  doc.fontSize(8).fillColor(MUTED).text(`${t('printed')}: `, { continued: true }).fillColor(INK).text(formatDateTime(content.printedAt.toISOString(), content.lang));
  doc.moveDown(0.6);
  rule(doc);
}

/** The QR of the chosen share and what it proves, boxed, always on the first page. */
function verification(doc: PDFKit.PDFDocument, content: PassportPdfContent, t: Translate): void {
  const left = doc.page.margins.left;
  const top = doc.y + 6;
  const share = content.share;
  const qrSize = 140;
  const textX = share ? left + qrSize + 18 : left + 12;
  const textWidth = width(doc) - (textX - left) - 12;
  doc.font('bold').fontSize(12);
  const lines: Array<{ text: string; size: number; color: string; bold?: boolean }> = [{ text: t('verifyHeading'), size: 12, color: INK, bold: true }];
  if (share) {
    lines.push({ text: t('verifyHow'), size: 9.5, color: INK });
    lines.push({ text: share.url, size: 8.5, color: ACCENT });
    lines.push({ text: t('shareHolds', { count: share.credentialCount }), size: 9, color: INK });
    lines.push({ text: t('linkExpires', { date: dayOf(new Date(share.expiresAt), content.lang) }), size: 9, color: MUTED });
  } else {
    lines.push({ text: t('noShare'), size: 9.5, color: INK });
  }
  const textHeight = lines.reduce((h, l) => h + doc.font(l.bold ? 'bold' : 'body').fontSize(l.size).heightOfString(l.text, { width: textWidth }) + 4, 0);
  const boxHeight = Math.max(share ? qrSize + 16 : 0, textHeight + 20);
  doc.save().roundedRect(left, top, width(doc), boxHeight, 6).fillAndStroke(SHADE, LINE).restore();
  if (share) drawQr(doc, share.verifyUrl, left + 8, top + (boxHeight - qrSize) / 2, qrSize);
  doc.y = top + 10;
  for (const line of lines) {
    doc.font(line.bold ? 'bold' : 'body').fontSize(line.size).fillColor(line.color).text(line.text, textX, doc.y, { width: textWidth });
    doc.y += 4;
  }
  doc.fillColor(INK);
  doc.x = left;
  doc.y = top + boxHeight + 10;
}

/** "Printed on …" and "Page n of N" at the foot of every page, once all pages exist. */
function footers(doc: PDFKit.PDFDocument, content: PassportPdfContent, t: Translate): void {
  const range = doc.bufferedPageRange();
  const printed = t('printedOn', { date: dayOf(content.printedAt, content.lang) });
  const left = [t('title'), content.holderName].filter(Boolean).join(' · ');
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise make pdfkit open a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - 10;
    const x = doc.page.margins.left;
    doc.save().moveTo(x, y - 6).lineTo(x + width(doc), y - 6).lineWidth(0.5).strokeColor(LINE).stroke().restore();
    doc.font('body').fontSize(8).fillColor(MUTED);
    doc.text(left, x, y, { width: width(doc) / 2, lineBreak: false, ellipsis: true });
    doc.text(`${printed} · ${t('page', { n: i - range.start + 1, total: range.count })}`, x + width(doc) / 2, y, { width: width(doc) / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.fillColor(INK);
}

export function rule(doc: PDFKit.PDFDocument): void {
  const x = doc.page.margins.left;
  doc.save().moveTo(x, doc.y).lineTo(x + width(doc), doc.y).lineWidth(0.5).strokeColor(LINE).stroke().restore();
}
