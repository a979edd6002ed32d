import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../issuer/activities/sheet/read-csv.ts';
import { readXlsx } from '../../../issuer/activities/sheet/read-xlsx.ts';
import { rowsOfSheet } from '../../../issuer/activities/sheet/rows.ts';
import { assertZipWithin } from '../../../issuer/activities/sheet/zip-bounds.ts';
import { PassportError } from '../../../shared/errors.ts';

const RU_HEADER = 'ФИО;Название (на русском);Категория;Регион;Дата начала;Дата окончания;Часы';

describe('reading a spreadsheet batch', () => {
  it('reads a Windows-1251 CSV with Russian headers, names for category and region, dd.mm.yyyy dates and a decimal comma', () => {
    const text = `${RU_HEADER}\r\nАйгерім Сейтқали;Посадка деревьев;Экология;Павлодарская область;20.04.2026;27.04.2026;18,5\r\n`;
    const bytes = iconv.encode(text.replace('Айгерім Сейтқали', 'Анна Петрова'), 'win1251');
    const { rows } = rowsOfSheet(readCsv(bytes), 10);
    expect(rows).toEqual([
      {
        row: 1,
        request: {
          volunteer: { name: 'Анна Петрова', email: undefined },
          activity: {
            name: { ru: 'Посадка деревьев' },
            project: undefined,
            category: 'ecology',
            region: 'KZ-55',
            activityStartDate: '2026-04-20',
            activityEndDate: '2026-04-27',
            hours: 18.5,
            role: undefined,
            confirmedBy: undefined,
          },
          idempotencyKey: undefined,
        },
      },
    ]);
  });

  it('reads UTF-8 with a BOM and Kazakh headers, and still takes the API snake_case names', () => {
    const kk = '\uFEFFВолонтердің аты-жөні,Іс-шара атауы (қазақша),Санат,Өңір,Басталған күні,Аяқталған күні,Сағат\nАйгерім Сейтқали,Ағаш отырғызу,ecology,KZ-55,2026-04-20,2026-04-20,4\n';
    const api = 'volunteer_name,name_en,category,region,start_date,end_date,hours\nDana,Tree planting,ecology,kz-55,2026-04-20,2026-04-20,4\n';
    const kkRow = rowsOfSheet(readCsv(new TextEncoder().encode(kk)), 10).rows[0]!;
    const apiRow = rowsOfSheet(readCsv(api), 10).rows[0]!;
    expect((kkRow.request as { volunteer: { name: string } }).volunteer.name).toBe('Айгерім Сейтқали');
    expect((apiRow.request as { activity: { region: string } }).activity.region).toBe('KZ-55');
  });

  it('refuses an unknown header for the whole file, naming it as the user wrote it', () => {
    const error = catchError(() => rowsOfSheet(readCsv(`${RU_HEADER};Заметки\nА;Б;ecology;KZ-55;20.04.2026;20.04.2026;1;x\n`), 10));
    expect(error.code).toBe('invalid_request');
    expect(error.field).toBe('Заметки');
  });

  it('reads an .xlsx with Excel date cells, numbers and rich text, and places a problem on its cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Activities');
    sheet.addRow(['ФИО', 'Название (на русском)', 'Категория', 'Регион', 'Дата начала', 'Дата окончания', 'Часы']);
    sheet.addRow(['Анна Петрова', 'Посадка деревьев', 'Экология', 'KZ-55', new Date(Date.UTC(2026, 3, 20)), new Date(Date.UTC(2026, 3, 27)), 18.5]);
    sheet.addRow([{ richText: [{ text: 'Ерлан ' }, { text: 'Ахметов' }] }, 'Уборка', 'social', 'Алматы', 46132, 46132, '3,5']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = rowsOfSheet(await readXlsx(bytes, 10), 10);
    const [first, second] = read.rows as { request: { volunteer: { name: string }; activity: Record<string, unknown> } }[];
    expect(first!.request.activity).toMatchObject({ activityStartDate: '2026-04-20', activityEndDate: '2026-04-27', hours: 18.5, category: 'ecology' });
    expect(second!.request.volunteer.name).toBe('Ерлан Ахметов');
    expect(second!.request.activity).toMatchObject({ activityStartDate: '2026-04-20', hours: 3.5, region: 'KZ-75' });
    expect(read.placeOf('activity.hours', 2)).toEqual({ header: 'Часы', cell: 'G3' });
  });

  it('refuses a workbook that would inflate past its bound before inflating it', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Activities').addRow(['ФИО']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(catchError(() => assertZipWithin(bytes, { maxInflatedBytes: 100, maxEntries: 100 })).code).toBe('payload_too_large');
    expect(catchError(() => assertZipWithin(new TextEncoder().encode('not a zip at all'), { maxInflatedBytes: 1e9, maxEntries: 100 })).code).toBe('invalid_request');
  });
});

function catchError(fn: () => unknown): PassportError {
  try {
    fn();
  } catch (err) {
    if (err instanceof PassportError) return err;
    throw err;
  }
  throw new Error('expected a PassportError');
}
