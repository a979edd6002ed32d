import { categoryName, localized } from '../../shared/credential/index.ts';
import { formatHours, formatNumber } from '../../shared/pages/index.ts';
import type { CredentialStatus } from '../credentials/index.ts';
import { dayRange } from './dates.ts';
import { type PassportPdfContent, type Translate } from './render.ts';
import { BAD, INK, MUTED, OK, WARN } from './style.ts';
import { bottom, drawTable, tableHeight, type Cell, type TableOptions } from './table.ts';

const STATUS_COLOR: Record<CredentialStatus, string> = {
  valid: OK,
  revoked: BAD,
  invalid: BAD,
  expired: WARN,
  issuer_suspended: WARN,
  issuer_not_accredited: BAD,
  unverifiable: WARN,
};

function heading(doc: PDFKit.PDFDocument, text: string, keepWith: number): void {
  if (doc.y + 30 + keepWith > bottom(doc)) doc.addPage();
  else doc.moveDown(0.8);
  doc.x = doc.page.margins.left;
  doc.font('bold').fontSize(14).fillColor(INK).text(text);
  doc.moveDown(0.3);
}

function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** A two-or-three column table of totals: what, how many credentials, how many hours, and a total row. */
function totalsTable(doc: PDFKit.PDFDocument, x: number, w: number, label: string, rows: { name: string; count: number; hours: number }[], content: PassportPdfContent, t: Translate): TableOptions {
  const number = (n: number) => formatNumber(n, content.lang);
  const hours = (n: number) => formatHours(n, content.lang);
  const countWidth = 58;
  const hoursWidth = 62;
  return {
    x,
    columns: [
      { header: label, width: w - countWidth - hoursWidth },
      { header: t('count'), width: countWidth, align: 'right' },
      { header: t('hoursColumn'), width: hoursWidth, align: 'right' },
    ],
    rows: rows.map((r) => [r.name, number(r.count), hours(r.hours)]),
    footer: [t('total'), number(rows.reduce((s, r) => s + r.count, 0)), hours(content.totals.totalHours)],
  };
}

/** The verified totals: overall, then by category and by year side by side, then by organization. */
export function totalsSection(doc: PDFKit.PDFDocument, content: PassportPdfContent, t: Translate): void {
  const { totals, lang } = content;
  heading(doc, t('totals'), 60);
  doc.font('bold').fontSize(13).fillColor(INK).text(t('totalHours', { hours: formatHours(totals.totalHours, lang) }), { continued: true });
  doc.font('body').fontSize(10).fillColor(MUTED).text(`   ${t('counted', { count: totals.counted })}`);
  if (totals.excluded.total) {
    const why = Object.entries(totals.excluded.byStatus).map(([status, n]) => `${t(status as CredentialStatus)}: ${formatNumber(n, lang)}`).join(', ');
    doc.moveDown(0.2).font('body').fontSize(9).fillColor(WARN).text(t('excluded', { count: totals.excluded.total, why }));
  }
  doc.fillColor(INK);
  if (!totals.counted) return;
  doc.moveDown(0.6);

  const left = doc.page.margins.left;
  const gap = 16;
  const half = (contentWidth(doc) - gap) / 2;
  const byCategory = totalsTable(doc, left, half, t('category'), totals.byCategory.map((c) => ({ name: categoryName(c.category, lang), count: c.count, hours: c.hours })), content, t);
  const byYear = totalsTable(doc, left + half + gap, half, t('year'), totals.byYear.map((y) => ({ name: String(y.year), count: y.count, hours: y.hours })), content, t);
  const pairHeight = Math.max(tableHeight(doc, byCategory), tableHeight(doc, byYear)) + 18;
  if (doc.y + pairHeight > bottom(doc)) doc.addPage();
  const top = doc.y;
  caption(doc, t('byCategory'), left, top, half);
  drawTable(doc, byCategory);
  const belowCategory = doc.y;
  caption(doc, t('byYear'), left + half + gap, top, half);
  drawTable(doc, byYear);
  doc.y = Math.max(belowCategory, doc.y) + 14;

  const byOrganization = totalsTable(doc, left, contentWidth(doc), t('organization'), totals.byOrganization.map((o) => ({ name: o.name[lang], count: o.count, hours: o.hours })), content, t);
  if (doc.y + Math.min(tableHeight(doc, byOrganization), 120) + 18 > bottom(doc)) doc.addPage();
  caption(doc, t('byOrganization'), left, doc.y, contentWidth(doc));
  drawTable(doc, byOrganization);
}

function caption(doc: PDFKit.PDFDocument, text: string, x: number, y: number, w: number): void {
  doc.font('bold').fontSize(10.5).fillColor(INK).text(text, x, y, { width: w });
  doc.y += 3;
}

/** Every credential as a row: activity (with category and project), organization, dates, hours, status now. */
export function credentialsSection(doc: PDFKit.PDFDocument, content: PassportPdfContent, t: Translate): void {
  const { lang } = content;
  heading(doc, t('credentials'), 50);
  if (!content.credentials.length) {
    doc.font('body').fontSize(10).fillColor(MUTED).text(t('none')).fillColor(INK);
    return;
  }
  const w = contentWidth(doc);
  const rows = content.credentials.map((c): Cell[] => {
    const a = c.activity;
    return [
      { text: localized(a.name, lang), note: [categoryName(a.category, lang), a.project].filter(Boolean).join(' · ') },
      { text: c.organization.name[lang] },
      { text: dayRange(a.activityStartDate, a.activityEndDate, lang) },
      { text: formatHours(a.hours, lang) },
      { text: t(c.status), color: STATUS_COLOR[c.status], bold: c.status !== 'valid' },
    ];
  });
  drawTable(doc, {
    x: doc.page.margins.left,
    fontSize: 9,
    columns: [
      { header: t('activity'), width: w * 0.3 },
      { header: t('organization'), width: w * 0.21 },
      { header: t('dates'), width: w * 0.19 },
      { header: t('hoursColumn'), width: w * 0.11, align: 'right' },
      { header: t('status'), width: w * 0.19 },
    ],
    rows,
  });
}
