import { iinBinCheckDigit } from '../../shared/identifiers/iin-bin.ts';

/** A valid IIN for eleven digits (a birth date 990101, the century-and-sex digit, a serial): the check digit computed. */
export function iinFor(firstEleven: string): string {
  const digit = iinBinCheckDigit(firstEleven);
  if (digit === undefined) throw new Error(`no valid IIN begins ${firstEleven}`);
  return `${firstEleven}${digit}`;
}

/** The same IIN with a wrong last digit. */
export function withWrongCheckDigit(iin: string): string {
  return `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`;
}
