import ExcelJS from 'exceljs';
import type { ActivityView } from './view.ts';

const EXPORT_COLUMNS = [
  'id', 'status', 'volunteer_name', 'volunteer_email', 'name_kk', 'name_ru', 'name_en', 'project', 'category', 'region',
  'start_date', 'end_date', 'hours', 'role', 'confirmed_by', 'recorded_at', 'claimed_at', 'mail', 'upload_id', 'claim_url',
] as const;

function cellsOf(a: ActivityView): (string | number)[] {
  const x = a.activity;
  return [
    a.id, a.status, a.volunteer.name, a.volunteer.email ?? '', x.name.kk ?? '', x.name.ru ?? '', x.name.en ?? '', x.project ?? '', x.category, x.region,
    x.activityStartDate, x.activityEndDate, x.hours, x.role ?? '', x.confirmedBy ?? '', a.createdAt, a.claimedAt ?? '',
    a.mail ? `${a.mail.status}${a.mail.error ? `: ${a.mail.error}` : ''}` : '', a.uploadId ?? '', a.claimUrl ?? '',
  ];
}

/** The list as CSV (UTF-8 with a BOM so Excel reads Cyrillic, `;` as kk and ru Excel expects, decimal commas). */
export function activitiesCsv(items: readonly ActivityView[]): string {
  const cell = (v: string | number) => {
    const text = typeof v === 'number' ? String(v).replace('.', ',') : v;
    // A leading = + - @ would be run as a formula by a spreadsheet: quote it as text.
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
    return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return `\uFEFF${[EXPORT_COLUMNS.join(';'), ...items.map((a) => cellsOf(a).map(cell).join(';'))].join('\r\n')}\r\n`;
}

/** The list as an `.xlsx` workbook, hours as numbers. */
export async function activitiesXlsx(items: readonly ActivityView[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('activities');
  sheet.addRow([...EXPORT_COLUMNS]).font = { bold: true };
  for (const a of items) sheet.addRow(cellsOf(a));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
