import QRCode from 'qrcode';

/**
 * Draws a QR code as vector squares (error correction M, a quiet zone of 4 modules, as
 * shared/qr.ts), so it stays sharp at any printer's or scanner's resolution where a scaled
 * bitmap would blur its modules.
 *
 * @example
 * drawQr(doc, 'https://verifier.example.kz/verify?presentation=…', 50, 200, 140);
 */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const cell = size / (modules.size + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      // A hair of overlap, so that no viewer draws white seams between neighbouring squares.
      if (modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fill('#000000').restore();
}
