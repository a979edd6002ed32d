import { describe, expect, it } from 'vitest';
import { hasValidIinBinCheckDigit, iinBinCheckDigit } from '../../shared/identifiers/iin-bin.ts';

describe('IIN/BIN check digit', () => {
  it('weighs by 1…11 when that gives a digit', () => {
    // 0*1 + 0*2 + … + 0*10 + 1*11 = 11 ≡ 0
    expect(iinBinCheckDigit('00000000001')).toBe(0);
    expect(hasValidIinBinCheckDigit('000000000010')).toBe(true);
    // 9*1 = 9
    expect(hasValidIinBinCheckDigit('900000000009')).toBe(true);
  });

  it('weighs again by 3…11, 1, 2 when the first sum leaves 10', () => {
    // First: 1+4+9+16+25+36+49+64+81+0+11 = 296 ≡ 10; second: 377 ≡ 3.
    expect(iinBinCheckDigit('12345678901')).toBe(3);
    expect(hasValidIinBinCheckDigit('123456789013')).toBe(true);
    expect(hasValidIinBinCheckDigit('123456789012')).toBe(false);
  });

  it('has no valid number when both sums leave 10', () => {
    // 10 at position 10 with weight 10 first, then weight 1: find such a prefix by search.
    const prefix = [...Array(100_000).keys()].map((n) => String(n).padStart(11, '0')).find((p) => iinBinCheckDigit(p) === undefined);
    expect(prefix).toBeDefined();
    for (let d = 0; d <= 9; d++) expect(hasValidIinBinCheckDigit(`${prefix}${d}`)).toBe(false);
  });

  it('refuses anything but 12 digits', () => {
    for (const bad of ['', '12345678901', '1234567890133', '12345678901a', ' 123456789013', '１２３４５６７８９０１３']) {
      expect(hasValidIinBinCheckDigit(bad), bad).toBe(false);
    }
  });

  it('accepts exactly one check digit for every prefix that has one', () => {
    for (const prefix of ['98052430015', '01010150000', '77777777777', '56123400980']) {
      const valid = [...Array(10).keys()].filter((d) => hasValidIinBinCheckDigit(prefix + d));
      expect(valid.length).toBeLessThanOrEqual(1);
      expect(valid).toEqual(iinBinCheckDigit(prefix) === undefined ? [] : [iinBinCheckDigit(prefix)]);
    }
  });
});
