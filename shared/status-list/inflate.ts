import { createGunzip, createInflate, type Gunzip, type Inflate } from 'node:zlib';
import { PassportError } from '../errors.ts';
import { STATUS_LIST_TOO_LARGE, type ByteBudget } from './limits.ts';

/** Output chunk of the inflater: small, so no single step of the event loop handles much. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Inflates GZIP data in the thread pool, chunk by chunk, and stops as soon as the output would
 * pass `maxBytes` (or the request's `budget`): a small bomb that would expand to gigabytes costs
 * `maxBytes` of memory and a few milliseconds, and never blocks the event loop for long.
 * Throws `PassportError` `unprocessable` (reason `status_list_too_large`) past `maxBytes`, the
 * budget's error past the budget, and `unprocessable` for data that is not GZIP.
 *
 * @example
 * const bits = await gunzipBounded(Buffer.from(encodedList.slice(1), 'base64url'), MAX_STATUS_LIST_BYTES);
 */
export function gunzipBounded(input: Uint8Array, maxBytes: number, budget?: ByteBudget): Promise<Buffer> {
  return inflateBounded(createGunzip({ chunkSize: CHUNK_BYTES }), 'encodedList is not a GZIP-compressed bitstring', input, maxBytes, budget);
}

/** The same for ZLIB data: a Token Status List's `lst` (IETF OAuth Status List, section 4.1). */
export function inflateZlibBounded(input: Uint8Array, maxBytes: number, budget?: ByteBudget): Promise<Buffer> {
  return inflateBounded(createInflate({ chunkSize: CHUNK_BYTES }), 'status_list.lst is not a ZLIB-compressed list', input, maxBytes, budget);
}

function inflateBounded(gunzip: Gunzip | Inflate, notCompressed: string, input: Uint8Array, maxBytes: number, budget?: ByteBudget): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      gunzip.destroy();
      reject(err instanceof PassportError ? err : new PassportError('unprocessable', notCompressed, { cause: err }));
    };
    gunzip.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) {
        fail(new PassportError('unprocessable', `The status list inflates to more than ${maxBytes} bytes, the most accepted`, { extra: { reason: STATUS_LIST_TOO_LARGE } }));
        return;
      }
      try {
        budget?.take(chunk.length);
      } catch (err) {
        fail(err);
        return;
      }
      chunks.push(chunk);
    });
    gunzip.on('error', fail);
    gunzip.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, size));
    });
    gunzip.end(input);
  });
}
