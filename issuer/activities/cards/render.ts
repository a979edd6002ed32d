import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { localized, type Activity, type Language, type LocalizedText } from '../../../shared/credential/index.ts';
import { qrPng } from '../../../shared/qr.ts';
import { dottedDate } from '../mail/compose.ts';

// DejaVu Sans from npm (dejavu-fonts-ttf), as the wallet's PDF: Kazakh letters on any machine.
const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export interface OfferCard {
  volunteerName: string;
  activity: Activity;
  organization: LocalizedText;
  claimUrl: string;
  expiresAt: string;
}

const A4 = { width: 595.28, height: 841.89 };
const COLUMNS = 2;
const ROWS = 4;
export const CARDS_PER_PAGE = COLUMNS * ROWS;
const CARD = { width: A4.width / COLUMNS, height: A4.height / ROWS };
const PAD = 14;
const QR = 118;

/** What to do, in the two languages every card carries. */
const HOW_TO = {
  kk: 'Телефон камерасымен QR-кодты сканерлеп, куәлікті волонтер паспортына алыңыз.',
  ru: 'Отсканируйте QR-код камерой телефона и получите запись в волонтёрский паспорт.',
};
const LABELS: Record<Language, { hours: string; until: string }> = {
  kk: { hours: 'сағ.', until: '{date} дейін жарамды' },
  ru: { hours: 'ч.', until: 'Действует до: {date}' },
  en: { hours: 'h', until: 'Valid until: {date}' },
};

/**
 * Offer cards on A4, eight to a page (two columns, four rows) with dashed cut lines: each names the
 * volunteer, the activity, its dates and hours, the organization, the date the offer lapses, what
 * to do in kk and ru, and a QR of the https claim link a phone camera opens.
 */
export async function renderOfferCards(cards: readonly OfferCard[], lang: Language): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: 'Volunteer Passport offer cards', Creator: 'Volunteer Passport' } });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const qrs = await Promise.all(cards.map((c) => qrPng(c.claimUrl, 360)));
  const number = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 2, useGrouping: false });
  cards.forEach((card, i) => {
    const slot = i % CARDS_PER_PAGE;
    if (slot === 0) {
      doc.addPage();
      cutLines(doc);
    }
    const x = (slot % COLUMNS) * CARD.width;
    const y = Math.floor(slot / COLUMNS) * CARD.height;
    const textWidth = CARD.width - QR - PAD * 3;
    doc.image(qrs[i]!, x + CARD.width - PAD - QR, y + PAD, { width: QR, height: QR });
    const a = card.activity;
    const dates = a.activityStartDate === a.activityEndDate ? dottedDate(a.activityStartDate) : `${dottedDate(a.activityStartDate)}–${dottedDate(a.activityEndDate)}`;
    doc.font('bold').fontSize(12).fillColor('#000').text(card.volunteerName, x + PAD, y + PAD, { width: textWidth, height: 32, ellipsis: true });
    doc.font('body').fontSize(9.5).text(localized(a.name, lang), { width: textWidth, height: 36, ellipsis: true });
    doc.text(dates, { width: textWidth });
    doc.text(`${number.format(a.hours)} ${LABELS[lang].hours}`, { width: textWidth });
    doc.fontSize(8.5).fillColor('#333').text(localized(card.organization, lang), { width: textWidth, height: 24, ellipsis: true });
    doc.font('bold').fontSize(8.5).fillColor('#000').text(LABELS[lang].until.replace('{date}', dottedDate(card.expiresAt)), { width: textWidth });
    const bottom = y + PAD + QR + 8;
    doc.font('body').fontSize(7.5).fillColor('#000');
    doc.text(`KZ: ${HOW_TO.kk}`, x + PAD, bottom, { width: CARD.width - PAD * 2 });
    doc.text(`RU: ${HOW_TO.ru}`, { width: CARD.width - PAD * 2 });
  });
  doc.end();
  return done;
}

function cutLines(doc: PDFKit.PDFDocument): void {
  doc.save().lineWidth(0.5).strokeColor('#999').dash(4, { space: 3 });
  for (let c = 1; c < COLUMNS; c++) doc.moveTo(c * CARD.width, 0).lineTo(c * CARD.width, A4.height).stroke();
  for (let r = 1; r < ROWS; r++) doc.moveTo(0, r * CARD.height).lineTo(A4.width, r * CARD.height).stroke();
  doc.undash().restore();
}
