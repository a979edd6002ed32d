import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MIN_STATUS_LIST_SIZE, StatusBitstring, randomStatusIndex } from '../../shared/status-list/index.ts';

describe('StatusBitstring', () => {
  it('has at least 131,072 entries, all clear', () => {
    const list = StatusBitstring.create();
    expect(list.size).toBe(MIN_STATUS_LIST_SIZE);
    expect(list.get(0)).toBe(false);
    expect(list.get(MIN_STATUS_LIST_SIZE - 1)).toBe(false);
  });

  it('counts bits from the most significant bit of the first byte (spec 3.2)', () => {
    const list = StatusBitstring.create();
    list.set(0, true);
    list.set(9, true);
    expect(list.bytes[0]).toBe(0b1000_0000);
    expect(list.bytes[1]).toBe(0b0100_0000);
  });

  it('encodes as multibase base64url of GZIP and decodes back', async () => {
    const list = StatusBitstring.create();
    list.set(94567, true);
    const encoded = list.encode();
    expect(encoded.startsWith('u')).toBe(true);
    expect(encoded).not.toMatch(/[+/=]/);
    expect(gunzipSync(Buffer.from(encoded.slice(1), 'base64url')).length).toBe(MIN_STATUS_LIST_SIZE / 8);
    const back = await StatusBitstring.decode(encoded);
    expect(back.get(94567)).toBe(true);
    expect(back.get(94566)).toBe(false);
    back.set(94567, false);
    expect(back.get(94567)).toBe(false);
  });

  it('refuses indices outside the list and lists below the minimum size', async () => {
    const list = StatusBitstring.create();
    expect(() => list.get(MIN_STATUS_LIST_SIZE)).toThrow(expect.objectContaining({ code: 'unprocessable' }));
    expect(() => list.set(-1, true)).toThrow(expect.objectContaining({ code: 'unprocessable' }));
    expect(() => StatusBitstring.create(1024)).toThrow();
    await expect(StatusBitstring.decode('zabc')).rejects.toMatchObject({ code: 'unprocessable' });
    await expect(StatusBitstring.decode('unot-gzip')).rejects.toMatchObject({ code: 'unprocessable' });
  });

  it('picks random indices that do not follow issuance order', () => {
    const picks = Array.from({ length: 50 }, () => randomStatusIndex());
    expect(new Set(picks).size).toBeGreaterThan(45);
    expect(picks.every((i) => i >= 0 && i < MIN_STATUS_LIST_SIZE)).toBe(true);
    const sorted = [...picks].sort((a, b) => a - b);
    expect(picks).not.toEqual(sorted);
  });
});
