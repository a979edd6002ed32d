import { gzipSync } from 'node:zlib';
import { randomInt } from 'node:crypto';
import { PassportError } from '../errors.ts';
import { gunzipBounded } from './inflate.ts';
import { MAX_STATUS_LIST_BYTES, type ByteBudget } from './limits.ts';

/** Bitstring Status List v1.0 requires at least 16 KB (131,072 entries) for herd privacy. */
export const MIN_STATUS_LIST_SIZE = 131_072;

/**
 * A Bitstring Status List: bit `i` is the status of the credential at `statusListIndex` i,
 * counted from the most significant bit of the first byte (spec, section 3.2). Encoded as the
 * multibase base64url (`u…`) of the GZIP of the bits.
 *
 * @example
 * const list = StatusBitstring.create();
 * list.set(94567, true);
 * const encodedList = list.encode();
 * (await StatusBitstring.decode(encodedList)).get(94567); // true
 */
export class StatusBitstring {
  private constructor(readonly bytes: Uint8Array) {}

  static create(size = MIN_STATUS_LIST_SIZE): StatusBitstring {
    if (size % 8 !== 0 || size < MIN_STATUS_LIST_SIZE) throw new Error(`A status list has a multiple of 8 and at least ${MIN_STATUS_LIST_SIZE} entries`);
    return new StatusBitstring(new Uint8Array(size / 8));
  }

  static fromBytes(bytes: Uint8Array): StatusBitstring {
    return new StatusBitstring(bytes);
  }

  /**
   * Decodes an `encodedList`, inflating it in the thread pool and refusing, before it is
   * inflated further, a list larger than `maxBytes` (MAX_STATUS_LIST_BYTES by default).
   */
  static async decode(encodedList: string, options: { maxBytes?: number; budget?: ByteBudget } = {}): Promise<StatusBitstring> {
    if (typeof encodedList !== 'string' || !encodedList.startsWith('u')) {
      throw new PassportError('unprocessable', 'encodedList must be multibase base64url (starting with "u")');
    }
    const compressed = Buffer.from(encodedList.slice(1), 'base64url');
    return new StatusBitstring(await gunzipBounded(compressed, options.maxBytes ?? MAX_STATUS_LIST_BYTES, options.budget));
  }

  get size(): number {
    return this.bytes.length * 8;
  }

  get(index: number): boolean {
    this.checkIndex(index);
    return (this.bytes[index >> 3]! & (0x80 >> (index & 7))) !== 0;
  }

  set(index: number, value: boolean): void {
    this.checkIndex(index);
    if (value) this.bytes[index >> 3]! |= 0x80 >> (index & 7);
    else this.bytes[index >> 3]! &= ~(0x80 >> (index & 7));
  }

  encode(): string {
    return `u${gzipSync(this.bytes).toString('base64url')}`;
  }

  private checkIndex(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new PassportError('unprocessable', `Status list index ${index} is outside the list of ${this.size} entries`);
    }
  }
}

/** A random index below `size`: indices must not reveal issuance order (DESIGN.md). */
export function randomStatusIndex(size = MIN_STATUS_LIST_SIZE): number {
  return randomInt(0, size);
}
