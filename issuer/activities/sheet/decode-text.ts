import iconv from 'iconv-lite';

/**
 * The text of an uploaded CSV: UTF-8 (with or without a byte-order mark) when the bytes are valid
 * UTF-8, Windows-1251 otherwise — what Excel in Kazakhstan and Russia saves as "CSV" by default.
 * Valid UTF-8 is almost never valid-looking 1251 text and the reverse, so the test is safe.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1251' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'win1251'), encoding: 'windows-1251' };
  }
}
