import { problemResponses } from '../../shared/http/openapi.ts';
import { apiKeyIdSchema, bearer, jsonBody, jsonResponse, profileSchema, regionSchema, slugSchema, someNameSchema } from '../registry/openapi-schemas.ts';

const idParameter = { name: 'id', in: 'path', required: true, schema: slugSchema };
const reason = { type: 'string', minLength: 1, maxLength: 500 };
const keysSchema = {
  type: 'array',
  description: 'Every key of the DID document, oldest first',
  items: {
    type: 'object',
    required: ['id', 'createdAt'],
    properties: {
      id: { type: 'string', examples: ['did:web:passport.example.kz:orgs:eco-qyran#key-1'] },
      createdAt: { type: 'string', format: 'date-time' },
      revokedFrom: { type: 'string', format: 'date-time', description: 'Present once the key was reported compromised' },
      reason: { type: 'string' },
    },
  },
};
const rotationSchema = {
  type: 'object',
  required: ['did', 'keyId', 'keys'],
  properties: { did: { type: 'string' }, keyId: { type: 'string', description: 'The new key: {did}#key-<n>', examples: ['did:web:passport.example.kz:orgs:eco-qyran#key-2'] }, keys: keysSchema },
};

export const organizationsOpenApiPaths: Record<string, unknown> = {
  '/v1/organizations': {
    post: {
      summary: 'Accredit an organization: its own did:web and key, an API key (shown once), a first accreditation interval',
      description: 'The national registry anywhere; a front office only in its own region.',
      tags: ['registry'],
      security: bearer,
      requestBody: jsonBody({
        type: 'object',
        required: ['id', 'name', 'region'],
        additionalProperties: false,
        properties: {
          id: slugSchema,
          name: someNameSchema,
          region: regionSchema,
          bin: { type: 'string', pattern: '^\\d{12}$', description: 'Business Identification Number; the 12th digit is its check digit' },
          contact: { type: 'string', minLength: 1, maxLength: 200, description: 'How the registry and the front office reach the organization; shown only to them and to the organization' },
        },
      }),
      responses: {
        '201': jsonResponse('Accredited', {
          type: 'object',
          required: ['id', 'did', 'apiKey', 'apiKeyId', 'status'],
          properties: {
            id: slugSchema,
            did: { type: 'string' },
            apiKey: { type: 'string', description: 'Shown once; stored only as a hash' },
            apiKeyId: apiKeyIdSchema,
            status: { const: 'accredited' },
          },
        }),
        ...problemResponses(400, 401, 403, 409, 413, 429),
      },
    },
    get: {
      summary: 'Public profiles of organizations, by id, paged',
      description: 'The consoles of the registry and of front offices list with it (a front office passes its own region).',
      tags: ['registry'],
      parameters: [
        { name: 'region', in: 'query', schema: regionSchema },
        { name: 'status', in: 'query', schema: { enum: ['accredited', 'suspended'] } },
        { name: 'q', in: 'query', schema: { type: 'string', maxLength: 100 }, description: 'Text found in the id or a name, without regard to case' },
        { name: 'cursor', in: 'query', schema: slugSchema, description: 'nextCursor of the previous page' },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
      ],
      responses: {
        '200': jsonResponse('A page of profiles', {
          type: 'object',
          required: ['organizations'],
          properties: { organizations: { type: 'array', items: profileSchema }, nextCursor: { type: 'string', description: 'Present when more follow' } },
        }),
        ...problemResponses(400),
      },
    },
  },
  '/v1/organizations/{id}': {
    get: {
      summary: 'Public profile with accreditation history',
      description:
        'Called by the organization itself, the registry or the front office of its region, the answer also has `contact` and `history`: ' +
        'each interval with grantedBy, endedBy (staff:<id>, key:<id>, registry) and endReason.',
      tags: ['registry'],
      parameters: [idParameter],
      responses: {
        '200': jsonResponse('The profile', {
          ...profileSchema,
          properties: {
            ...profileSchema.properties,
            contact: { type: 'string' },
            history: {
              type: 'array',
              items: { type: 'object', properties: { from: { type: 'string' }, until: { type: ['string', 'null'] }, grantedBy: { type: 'string' }, endedBy: { type: 'string' }, endReason: { type: 'string' } } },
            },
          },
        }),
        ...problemResponses(404),
      },
    },
  },
  '/v1/organizations/{id}/suspend': {
    post: {
      summary: 'Suspend: the open accreditation interval ends now',
      tags: ['registry'],
      security: bearer,
      parameters: [idParameter],
      requestBody: jsonBody({ type: 'object', required: ['reason'], additionalProperties: false, properties: { reason } }),
      responses: { '200': jsonResponse('The new status and history', profileSchema), ...problemResponses(400, 401, 403, 404, 409, 413, 429) },
    },
  },
  '/v1/organizations/{id}/reinstate': {
    post: {
      summary: 'Reinstate: a new accreditation interval opens now',
      tags: ['registry'],
      security: bearer,
      parameters: [idParameter],
      requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', additionalProperties: false, properties: { reason } } } } },
      responses: { '200': jsonResponse('The new status and history', profileSchema), ...problemResponses(400, 401, 403, 404, 409, 413, 429) },
    },
  },
  '/v1/organizations/{id}/keys/rotate': {
    post: {
      summary: "Rotate the organization's signing key: key-<n+1> is added to its did:web document and signs from now on",
      description:
        'The organization itself (its API key) or the national registry. Older keys stay in the DID document, so what they signed keeps verifying; ' +
        "the organization's status lists are re-signed with the new key at once. No request body.",
      tags: ['registry'],
      security: bearer,
      parameters: [idParameter],
      responses: { '200': jsonResponse('The new key', rotationSchema), ...problemResponses(401, 403, 404, 409, 429) },
    },
  },
  '/v1/organizations/{id}/keys/{keyId}/revoke': {
    post: {
      summary: 'Report a key compromised from a date on: what it signed at or after `from` fails verification',
      description:
        'The organization itself or the national registry. The key stays in the DID document (what it signed before `from` stays valid); ' +
        'the signed trust list names it in the organization\'s `revokedKeys: [{ kid, from }]`, and verifiers and wallets fail the signature ' +
        'check of credentials it signed since (`key_revoked`), judged by the latest of their iat, nbf and issuance date. The key that signs now ' +
        'cannot be revoked (409): rotate first. Asking again with a later `from` changes nothing; an earlier one widens the revocation.',
      tags: ['registry'],
      security: bearer,
      parameters: [
        idParameter,
        { name: 'keyId', in: 'path', required: true, schema: { type: 'string', examples: ['key-1'] }, description: 'key-<n>, or the whole verification method id {did}#key-<n>, URL-encoded' },
      ],
      requestBody: jsonBody({
        type: 'object',
        required: ['reason'],
        additionalProperties: false,
        properties: {
          from: { type: 'string', description: 'ISO 8601 date or date-time, not in the future; now when left out', examples: ['2026-05-01T00:00:00Z'] },
          reason,
        },
      }),
      responses: {
        '200': jsonResponse('The revocation as it stands', {
          type: 'object',
          required: ['did', 'keyId', 'revokedFrom', 'reason', 'keys'],
          properties: { did: { type: 'string' }, keyId: { type: 'string' }, revokedFrom: { type: 'string', format: 'date-time' }, reason: { type: 'string' }, keys: keysSchema },
        }),
        ...problemResponses(400, 401, 403, 404, 409, 413, 429),
      },
    },
  },
};

