import jsQRModule from 'jsqr';
import type { PNG } from 'pngjs';

const jsQR = jsQRModule as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

/** The QR of the offer card in slot (column, row) of a page of 2 × 4 cards rendered by pdftoppm. */
export function cardQr(page: PNG, column: number, row: number): string | undefined {
  const w = Math.floor(page.width / 2);
  const h = Math.floor(page.height / 4);
  const crop = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    const from = ((row * h + y) * page.width + column * w) * 4;
    crop.set(page.data.subarray(from, from + w * 4), y * w * 4);
  }
  return jsQR(crop, w, h)?.data;
}

/** The one QR code on a whole rendered page (the passport's verification QR). */
export function pageQr(page: PNG): string | undefined {
  return jsQR(new Uint8ClampedArray(page.data.buffer, page.data.byteOffset, page.data.length), page.width, page.height)?.data;
}
