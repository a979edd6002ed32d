import { PassportError } from '../../../shared/errors.ts';

export interface ZipBounds {
  /** Sum of the entries' inflated sizes. */
  maxInflatedBytes: number;
  maxEntries: number;
}

/**
 * Refuses a zip (an `.xlsx` is one) whose entries would inflate past the bounds, by reading the
 * sizes its central directory declares before anything is inflated. A zip bomb declares honest
 * sizes or lies; a lie is caught by the reader, which stops at the declared size.
 */
export function assertZipWithin(bytes: Uint8Array, bounds: ZipBounds): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw notAWorkbook();
  const entries = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || dirOffset === 0xffffffff) throw new PassportError('payload_too_large', 'The workbook is too large (ZIP64)', { field: 'body' });
  if (entries > bounds.maxEntries) throw new PassportError('payload_too_large', `The workbook has ${entries} parts; at most ${bounds.maxEntries} are read`, { field: 'body' });
  if (dirOffset + dirSize > bytes.byteLength) throw notAWorkbook();
  let offset = dirOffset;
  let inflated = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== 0x02014b50) throw notAWorkbook();
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) throw new PassportError('payload_too_large', 'The workbook is too large (ZIP64)', { field: 'body' });
    inflated += size;
    if (inflated > bounds.maxInflatedBytes) {
      throw new PassportError('payload_too_large', `The workbook inflates to more than ${Math.round(bounds.maxInflatedBytes / 2 ** 20)} MiB`, { field: 'body' });
    }
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const last = view.byteLength - 22;
  for (let i = last; i >= Math.max(0, last - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}

function notAWorkbook(): PassportError {
  return new PassportError('invalid_request', 'The file is not an Excel workbook (.xlsx)', { field: 'body' });
}
