import { problemResponses } from '../../shared/http/openapi.ts';
import { bearer, jsonBody, jsonResponse, profileSchema, regionSchema, slugSchema, someNameSchema } from '../registry/openapi-schemas.ts';

const idParameter = { name: 'id', in: 'path', required: true, schema: slugSchema };
const reason = { type: 'string', minLength: 1, maxLength: 500 };

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
          required: ['id', 'did', 'apiKey', 'status'],
          properties: { id: slugSchema, did: { type: 'string' }, apiKey: { type: 'string', description: 'Shown once; stored only as a hash' }, status: { const: 'accredited' } },
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
};
