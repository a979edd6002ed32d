import { INK, LINE, MUTED, SHADE } from './style.ts';

export interface Column {
  header: string;
  /** Width in points. */
  width: number;
  align?: 'left' | 'right';
}

/** One cell: its text, with an optional second line in small grey type and an optional colour. */
export interface Cell {
  text: string;
  note?: string;
  color?: string;
  bold?: boolean;
}

export interface TableOptions {
  x: number;
  columns: Column[];
  rows: (string | Cell)[][];
  /** A last row in bold with a rule above it (a total). */
  footer?: (string | Cell)[];
  fontSize?: number;
}

const PAD_X = 5;
const PAD_Y = 3.5;

/**
 * Draws a table from the current `doc.y` and leaves `doc.y` below it. Cells wrap; a row never
 * splits across pages, and a table that breaks to a new page repeats its header row there, so
 * every page of the credentials reads on its own.
 */
export function drawTable(doc: PDFKit.PDFDocument, options: TableOptions): void {
  const size = options.fontSize ?? 9.5;
  const width = options.columns.reduce((sum, c) => sum + c.width, 0);
  const header = options.columns.map((c) => ({ text: c.header, bold: true, color: MUTED }) satisfies Cell);
  drawRow(doc, options, header, size, { fill: SHADE });
  options.rows.forEach((row, i) => {
    if (doc.y + rowHeight(doc, options.columns, row, size) > bottom(doc)) {
      doc.addPage();
      drawRow(doc, options, header, size, { fill: SHADE });
    }
    drawRow(doc, options, row, size, { rule: i > 0 });
  });
  if (options.footer) {
    if (doc.y + rowHeight(doc, options.columns, options.footer, size) > bottom(doc)) doc.addPage();
    doc.save().moveTo(options.x, doc.y).lineTo(options.x + width, doc.y).lineWidth(0.8).strokeColor(INK).stroke().restore();
    drawRow(doc, options, options.footer.map((c) => ({ ...asCell(c), bold: true })), size, {});
  }
  doc.x = doc.page.margins.left;
}

/** The height a table will take, to place two tables side by side or move one to the next page whole. */
export function tableHeight(doc: PDFKit.PDFDocument, options: TableOptions): number {
  const size = options.fontSize ?? 9.5;
  const header = options.columns.map((c) => ({ text: c.header, bold: true }));
  return [header, ...options.rows, ...(options.footer ? [options.footer] : [])].reduce((sum, row) => sum + rowHeight(doc, options.columns, row, size), 0);
}

export function bottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

function asCell(cell: string | Cell): Cell {
  return typeof cell === 'string' ? { text: cell } : cell;
}

function cellHeight(doc: PDFKit.PDFDocument, cell: Cell, width: number, size: number): number {
  doc.font(cell.bold ? 'bold' : 'body').fontSize(size);
  let h = doc.heightOfString(cell.text || ' ', { width: width - 2 * PAD_X });
  if (cell.note) h += doc.font('body').fontSize(size - 1.5).heightOfString(cell.note, { width: width - 2 * PAD_X }) + 1;
  return h;
}

function rowHeight(doc: PDFKit.PDFDocument, columns: Column[], row: (string | Cell)[], size: number): number {
  return Math.max(...columns.map((c, i) => cellHeight(doc, asCell(row[i] ?? ''), c.width, size))) + 2 * PAD_Y;
}

function drawRow(doc: PDFKit.PDFDocument, options: TableOptions, row: (string | Cell)[], size: number, style: { fill?: string; rule?: boolean }): void {
  const top = doc.y;
  const height = rowHeight(doc, options.columns, row, size);
  const width = options.columns.reduce((sum, c) => sum + c.width, 0);
  if (style.fill) doc.save().rect(options.x, top, width, height).fill(style.fill).restore();
  if (style.rule) doc.save().moveTo(options.x, top).lineTo(options.x + width, top).lineWidth(0.5).strokeColor(LINE).stroke().restore();
  let x = options.x;
  options.columns.forEach((column, i) => {
    const cell = asCell(row[i] ?? '');
    const textOptions = { width: column.width - 2 * PAD_X, align: column.align ?? 'left', lineBreak: true } as const;
    doc.font(cell.bold ? 'bold' : 'body').fontSize(size).fillColor(cell.color ?? INK).text(cell.text, x + PAD_X, top + PAD_Y, textOptions);
    if (cell.note) doc.font('body').fontSize(size - 1.5).fillColor(MUTED).text(cell.note, x + PAD_X, doc.y + 1, textOptions);
    x += column.width;
  });
  doc.fillColor(INK);
  doc.y = top + height;
}
