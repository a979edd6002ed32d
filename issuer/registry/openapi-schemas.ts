import { REGION_CODES } from '../../shared/credential/index.ts';

/** Schemas the registry's OpenAPI entries share, inlined (the document's components hold only Problem). */
const text = { type: 'string', minLength: 1, maxLength: 200 };

export const slugSchema = { type: 'string', pattern: '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$', examples: ['eco-qyran'] };
export const apiKeyIdSchema = {
  type: 'string',
  pattern: '^key_[0-9a-f]{20}$',
  description: "The API key's public id: the audit trail names the key that acted as key:<id>",
  examples: ['key_3f9a0c2b7d1e5a4c8b6f'],
};
export const regionSchema = { type: 'string', enum: [...REGION_CODES], description: 'ISO 3166-2:KZ code', examples: ['KZ-55'] };
export const fullNameSchema = { type: 'object', required: ['kk', 'ru', 'en'], additionalProperties: false, properties: { kk: text, ru: text, en: text } };
export const someNameSchema = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: { kk: text, ru: text, en: text },
  description: 'At least one of kk, ru, en',
};

export const intervalSchema = {
  type: 'object',
  required: ['from', 'until'],
  properties: { from: { type: 'string', format: 'date-time' }, until: { type: ['string', 'null'], format: 'date-time', description: 'null while it lasts' } },
  description: 'Half-open [from, until)',
};

export const profileSchema = {
  type: 'object',
  required: ['id', 'did', 'name', 'region', 'status', 'accreditations'],
  properties: {
    id: slugSchema,
    did: { type: 'string', examples: ['did:web:passport.example.kz:orgs:eco-qyran'] },
    name: someNameSchema,
    region: regionSchema,
    bin: { type: 'string', pattern: '^\\d{12}$' },
    status: { type: 'string', enum: ['accredited', 'suspended'] },
    accreditations: { type: 'array', items: intervalSchema },
  },
};

export const didDocumentSchema = {
  type: 'object',
  required: ['@context', 'id', 'verificationMethod', 'assertionMethod', 'authentication'],
  properties: {
    '@context': { type: 'array', items: { type: 'string' } },
    id: { type: 'string' },
    verificationMethod: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', description: '{did}#key-1, then #key-2 … after rotations (all stay; the newest signs)' },
          type: { const: 'JsonWebKey2020' },
          controller: { type: 'string' },
          publicKeyJwk: { type: 'object', properties: { kty: { const: 'OKP' }, crv: { const: 'Ed25519' }, x: { type: 'string' } } },
        },
      },
    },
    assertionMethod: { type: 'array', items: { type: 'string' } },
    authentication: { type: 'array', items: { type: 'string' } },
  },
};

export function jsonBody(schema: unknown): Record<string, unknown> {
  return { required: true, content: { 'application/json': { schema } } };
}

export function jsonResponse(description: string, schema: unknown, type = 'application/json'): Record<string, unknown> {
  return { description, content: { [type]: { schema } } };
}

export const bearer = [{ bearer: [] }];
