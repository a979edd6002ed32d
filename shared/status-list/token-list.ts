import { StatusList } from '@sd-jwt/jwt-status-list';
import { PassportError } from '../errors.ts';
import { inflateZlibBounded } from './inflate.ts';
import { MAX_STATUS_LIST_BYTES, type ByteBudget } from './limits.ts';

/** The media type (and `typ`) of a Token Status List (IETF OAuth Status List, section 5). */
export const STATUS_LIST_JWT_TYPE = 'statuslist+jwt';

/**
 * The `status_list` claim of a Token Status List of one bit per credential (0 valid, 1 revoked),
 * made with the SD-JWT project's own implementation (`@sd-jwt/jwt-status-list`): ZLIB-compressed,
 * bit `i` counted from the least significant bit of byte `i / 8`, the reverse of a Bitstring
 * Status List's order.
 *
 * @example
 * const claim = tokenStatusList(131_072, revokedIndices); // { bits: 1, lst: 'eNrt…' }
 */
export function tokenStatusList(size: number, revoked: Iterable<number>): { bits: 1; lst: string } {
  const list = new StatusList(new Array<number>(size).fill(0), 1);
  for (const index of revoked) list.setStatus(index, 1);
  return { bits: 1, lst: list.compressStatusList() };
}

/** A read Token Status List: the status of an index (0 valid, 1 invalid, 2 suspended, …). */
export interface TokenStatusBits {
  size: number;
  bits: 1 | 2 | 4 | 8;
  /** The bytes held, for caches bounded by bytes. */
  bytes: number;
  get(index: number): number;
}

/**
 * Reads a `status_list` claim. It inflates in bounded steps (MAX_STATUS_LIST_BYTES, and the
 * request's budget when given), as Bitstring lists do: a list is fetched from wherever a
 * credential points, and a small ZLIB bomb must not fill memory.
 */
export async function readTokenStatusList(claim: unknown, options: { budget?: ByteBudget } = {}): Promise<TokenStatusBits> {
  const { bits, lst } = (typeof claim === 'object' && claim !== null ? claim : {}) as { bits?: unknown; lst?: unknown };
  if (bits !== 1 && bits !== 2 && bits !== 4 && bits !== 8) throw new PassportError('unprocessable', 'status_list.bits must be 1, 2, 4 or 8');
  if (typeof lst !== 'string' || !/^[A-Za-z0-9_-]+$/.test(lst)) throw new PassportError('unprocessable', 'status_list.lst must be base64url');
  const bytes = await inflateZlibBounded(Buffer.from(lst, 'base64url'), MAX_STATUS_LIST_BYTES, options.budget);
  const perByte = 8 / bits;
  const mask = (1 << bits) - 1;
  return {
    size: bytes.length * perByte,
    bits,
    bytes: bytes.length,
    get(index) {
      if (!Number.isInteger(index) || index < 0 || index >= bytes.length * perByte) {
        throw new PassportError('unprocessable', `Status list index ${index} is outside the list of ${bytes.length * perByte} entries`);
      }
      return (bytes[Math.floor(index / perByte)]! >> ((index % perByte) * bits)) & mask;
    },
  };
}
