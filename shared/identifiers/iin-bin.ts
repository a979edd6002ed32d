/**
 * The check digit of a Kazakh IIN (individual identification number) or BIN (business
 * identification number): both are 12 digits whose last one is computed from the first eleven.
 *
 * The rule (the same for IIN and BIN): weigh the first eleven digits by 1…11 and take the sum
 * modulo 11. A result of 10 cannot be a digit, so weigh again by 3…11, 1, 2; if that also gives
 * 10, no valid number ends this way (such numbers are never issued).
 *
 * @example
 * hasValidIinBinCheckDigit('123456789013'); // true
 * hasValidIinBinCheckDigit('123456789012'); // false: the check digit must be 3
 */
const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The check digit for the first eleven digits, or undefined when no digit can complete them. */
export function iinBinCheckDigit(firstEleven: string): number | undefined {
  if (!/^\d{11}$/.test(firstEleven)) return undefined;
  const digits = [...firstEleven].map(Number);
  const weigh = (weights: number[]) => digits.reduce((sum, d, i) => sum + d * weights[i]!, 0) % 11;
  const first = weigh(FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weigh(SECOND_WEIGHTS);
  return second === 10 ? undefined : second;
}

/** True for 12 digits whose last digit is the check digit of the first eleven. */
export function hasValidIinBinCheckDigit(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  return iinBinCheckDigit(value.slice(0, 11)) === Number(value[11]);
}
