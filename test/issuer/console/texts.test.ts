import { describe, expect, it } from 'vitest';
import { CONSOLE_TEXTS } from '../../../issuer/console/texts/messages.ts';

/** Latin words a Kazakh or Russian sentence of the console may carry: names of standards, file types and examples. */
const LATIN_ALLOWED = /\b(?:API|DID|did:web|fo-pavlodar|eco-qyran|CSV|Excel|xlsx|csv)\b/g;

describe('console texts', () => {
  for (const lang of ['kk', 'ru'] as const) {
    it(`has no English in ${lang}`, () => {
      for (const [key, text] of Object.entries(CONSOLE_TEXTS[lang])) {
        const words = text.replace(/\{[a-zA-Z]+\}/g, '').replace(LATIN_ALLOWED, '');
        expect(words, `${lang} ${key}: ${text}`).not.toMatch(/[A-Za-z]{3,}/);
      }
    });
  }

  it('has the same placeholders in every language', () => {
    for (const [key, text] of Object.entries(CONSOLE_TEXTS.en)) {
      const placeholders = (t: string) => [...t.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]).sort();
      for (const lang of ['kk', 'ru'] as const) expect(placeholders(CONSOLE_TEXTS[lang][key as keyof typeof CONSOLE_TEXTS.en]), `${lang} ${key}`).toEqual(placeholders(text));
    }
  });
});
