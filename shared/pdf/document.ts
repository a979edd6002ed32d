import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

// DejaVu Sans comes from npm (dejavu-fonts-ttf), so every PDF shows Kazakh letters on any machine.
const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/**
 * A pdfkit document with the fonts `body` and `bold` registered, and the promise of its bytes,
 * which resolves once the caller has drawn it and called `doc.end()`.
 *
 * @example
 * const { doc, bytes } = openPdf({ size: 'A4', margin: 50, info: { Title: 'Паспорт волонтёра' } });
 * doc.font('body').text('Сәлем');
 * doc.end();
 * return bytes;
 */
export function openPdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument(options);
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}
