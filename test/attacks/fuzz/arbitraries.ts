import fc from 'fast-check';
import type { Route, Schema } from './routes.ts';

/** Strings that broke parsers somewhere once: bad percent-encoding, prototype keys, odd dates, JWT-shaped junk. */
const NASTY_STRINGS = [
  '',
  ' ',
  '%',
  '%zz',
  '%E0%A4%A',
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  '..',
  '../../etc/passwd',
  'a.b.c',
  'eyJhbGciOiJub25lIn0.eyJ9.',
  'data:application/vc+jwt,%E0%A4%A',
  'data:application/vp+jwt,a.b.c',
  'http://localhost:1/p/x',
  'http://127.0.0.1:1/x?y=%zz',
  'openid-credential-offer://?credential_offer_uri=http%3A%2F%2Flocalhost%3A1%2Fx',
  'openid-credential-offer://?credential_offer=%7B',
  'openid4vp://?request_uri=http%3A%2F%2Flocalhost%3A1%2Fx',
  '0001-01-01',
  '2025-02-30',
  '9999-12-31T23:59:59Z',
  'did:key:z6Mk',
  'did:web:localhost%3A1:orgs:x',
  'KZ-55',
  'eco-qyran',
  '\u0000',
  '\ud800',
  '😀',
  'x'.repeat(5_000),
];
const NASTY_NUMBERS = [0, -1, -0, 0.5, 24.000001, 1e308, -1e308, 2 ** 53 + 1, 17_000_000];

/** Whole bodies that broke services elsewhere: deep nesting, prototype pollution, big and wrong shapes. */
const NASTY_BODIES = [
  '['.repeat(50_000) + ']'.repeat(50_000),
  `${'{"a":'.repeat(20_000)}{}${'}'.repeat(20_000)}`,
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
  '{"a":1,"a":2}',
  '[]',
  'null',
  '"text"',
  '1e999',
  '{',
  '{"jwt":',
  '\ufeff{}',
  '{"credentialSubject":{"id":"did:key:z6Mk"}}',
];

export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...NASTY_STRINGS, ...NASTY_NUMBERS, null, true, [], {}) },
);

/**
 * Values that follow the route's JSON schema (so requests get past the first check), with any
 * value swapped now and then for a wrong one: the mutations are where the bugs live.
 */
export function fromSchema(route: Route, schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 8) return anyJson;
  if (typeof schema.$ref === 'string') return fromSchema(route, route.resolve(schema.$ref), depth + 1);
  return fc.oneof({ weight: 12, arbitrary: exactly(route, schema, depth) }, { weight: 1, arbitrary: anyJson });
}

function exactly(route: Route, schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  const choices = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (choices?.length) return fc.oneof(...choices.map((s) => fromSchema(route, s, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type ?? (schema.properties ? 'object' : undefined)) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const shape = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, fromSchema(route, s, depth + 1)]));
      const required = ((schema.required ?? []) as string[]).filter((k) => k in shape);
      return fc.record(shape, { requiredKeys: required });
    }
    case 'array':
      return fc.array(fromSchema(route, schema.items as Schema | undefined, depth + 1), { maxLength: 4 });
    case 'string': {
      if (schema.format === 'date') return fc.date({ min: new Date('2019-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.format === 'email') return fc.stringMatching(/^[a-z0-9]{1,12}$/).map((name) => `${name}@example.kz`);
      if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern));
      const length = { minLength: Math.min(schema.minLength ?? 0, 40), maxLength: Math.min(schema.maxLength ?? 40, 40) };
      return fc.oneof({ weight: 4, arbitrary: fc.string(length) }, { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS) });
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -5, max: schema.maximum ?? 1_000 });
    case 'number':
      return fc.double({ noNaN: true, min: schema.minimum ?? schema.exclusiveMinimum ?? -10, max: schema.maximum ?? 200 });
    case 'boolean':
      return fc.boolean();
    default:
      return anyJson;
  }
}

/** A JSON text, from the schema or not, sometimes mutated into something that is no longer JSON. */
export function jsonBody(route: Route): fc.Arbitrary<string> {
  const value = fromSchema(route, route.bodySchema);
  const text = value.map((v) => JSON.stringify(v) ?? 'null');
  return fc.oneof(
    { weight: 8, arbitrary: text },
    { weight: 2, arbitrary: fc.tuple(text, fc.nat(), fc.string({ maxLength: 3 })).map(([t, at, insert]) => t.slice(0, at % (t.length + 1)) + insert + t.slice((at % (t.length + 1)) + 1)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constantFrom(...NASTY_BODIES) },
  );
}

export function formBody(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.dictionary(fc.constantFrom('grant_type', 'pre-authorized_code', 'tx_code', 'vp_token', 'state', 'presentation_submission', 'input', 'x'), fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...NASTY_STRINGS))).map((d) =>
      new URLSearchParams(d as Record<string, string>).toString(),
    ),
    fc.constantFrom('%', 'a=%zz&b=%E0%A4%A', 'vp_token=%7B%22a%22%3A' + '%5B'.repeat(1000), '&&&===', 'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Apre-authorized_code'),
  );
}

/** Characters a client may put in a header value (HTTP allows more; fetch refuses control characters). */
const headerText = fc.string({ unit: fc.constantFrom(...'abcXYZ019 _-.~%;=,:/+"\'()<>@[]{}?!*'.split('')), maxLength: 60 });

/** A Content-Type: mostly none (the route's own type is sent then), else any of many, right or wrong. */
export const contentType = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/json; charset=klingon',
      'application/ld+json',
      'application/vc+ld+json',
      'application/x-www-form-urlencoded',
      'text/plain',
      'text/csv',
      'application/jwt',
      'multipart/form-data; boundary=x',
      'application/xml',
      '*/*',
      'json',
    ),
  },
);

export const contentEncoding = fc.option(fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'bogus'), { nil: undefined, freq: 12 });

export const accept = fc.option(fc.constantFrom('application/json', 'text/html', 'application/jwt', '*/*', 'image/png', 'x/y'), { nil: undefined, freq: 2 });

/** An Authorization header: none, the right one for the service (`valid`), or a wrong one. */
export function authorization(valid: string[]): fc.Arbitrary<string | undefined> {
  const wrong = fc.oneof(fc.constantFrom('Bearer', 'Bearer ', 'Bearer x y', 'Basic Zm9vOmJhcg==', 'bearer %zz', `Bearer ${'A'.repeat(1_000)}`), headerText.map((t) => `Bearer ${t}`));
  const none = fc.constant(undefined);
  if (!valid.length) return fc.oneof({ weight: 2, arbitrary: none }, { weight: 1, arbitrary: wrong });
  return fc.oneof({ weight: 2, arbitrary: none }, { weight: 4, arbitrary: fc.constantFrom(...valid.map((t) => `Bearer ${t}`)) }, { weight: 2, arbitrary: wrong });
}

/** A Cookie header: none, the volunteer's session, or the malformed ones that broke the services. */
export function cookie(session: string | undefined): fc.Arbitrary<string | undefined> {
  const malformed = fc.oneof(
    fc.constantFrom('lang=%', 'passport_session=%zz', 'lang=%; passport_session=%zz', 'lang=constructor', 'lang=__proto__', '=;;=', 'passport_session='),
    headerText,
  );
  const none = fc.constant(undefined);
  if (!session) return fc.oneof({ weight: 3, arbitrary: none }, { weight: 2, arbitrary: malformed });
  return fc.oneof({ weight: 3, arbitrary: none }, { weight: 2, arbitrary: fc.constant(`passport_session=${session}; lang=ru`) }, { weight: 2, arbitrary: malformed });
}

/** A path parameter: plain, encoded junk, or raw malformed percent-encoding. */
export const pathParameter = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('x', 'eco-qyran', 'constructor', '__proto__', '%E0%A4%A', '%zz', '%', '..', '%2e%2e', '%00', 'a'.repeat(300)) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.uuid() },
);

/** A query string for any route: none, junk, or the `lang` and `presentation` parameters pages read. */
export const query = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('?lang=%', '?lang=ru', '?lang[]=x', '?presentation=%E0%A4%A', '?presentation=http%3A%2F%2Flocalhost%3A1%2Fp%2Fx', '?limit=-1&cursor=%zz', '?status=__proto__', '?%=%') },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('lang', 'limit', 'cursor', 'status', 'from', 'to', 'region', 'x'), fc.string({ maxLength: 20 })).map((d) => `?${new URLSearchParams(d as Record<string, string>)}`) },
);
