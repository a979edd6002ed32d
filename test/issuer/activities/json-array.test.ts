import { describe, expect, it } from 'vitest';
import { readJsonArray } from '../../../issuer/activities/json-array.ts';
import { MAX_JSON_DEPTH } from '../../../shared/json/index.ts';

/** The batch's JSON body read an item at a time must accept and refuse exactly what JSON.parse does. */
function items(text: string): unknown {
  const read = readJsonArray(Buffer.from(text, 'utf8'));
  return 'value' in read ? { value: read.value } : Array.from({ length: read.length }, (_, i) => read.item(i));
}

describe('a JSON array read from its bytes', () => {
  it('finds the items, however they nest and whatever their strings hold', () => {
    for (const text of ['[]', ' [ ] ', '[1,2,3]', '[{"a":"x,]}\\"[\\\\"},[1,[2,{"b":[]}]],"q",null]', '\ufeff[{"a":1}]\n', '["é,ü ҚқӘә"]']) {
      expect(items(text)).toEqual(JSON.parse(text.replace(/^\ufeff/, '')));
    }
  });

  it('refuses what is not JSON, anywhere in the body', () => {
    for (const text of ['[1,]', '[,1]', '[1 2]', '[1}', '[{]}]', '[1] x', '[', '["unterminated]', '[[[', '[1,,2]', '[{"a":1},{"b":}]']) {
      expect(() => items(text), text).toThrow(/not valid JSON/);
    }
  });

  it('hands back a body that is not an array parsed, and an empty body as {}', () => {
    expect(items('{"rows":[]}')).toEqual({ value: { rows: [] } });
    expect(items('"s"')).toEqual({ value: 's' });
    expect(items('  ')).toEqual({ value: {} });
  });

  it('counts the array as a level of nesting, as the whole body was counted', () => {
    const nested = (levels: number) => `[${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}]`;
    expect(() => items(nested(MAX_JSON_DEPTH - 1))).not.toThrow();
    expect(() => items(nested(MAX_JSON_DEPTH))).toThrow(/more than 32 levels deep/);
  });
});
