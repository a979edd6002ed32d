import { problemResponses } from '../../shared/http/openapi.ts';
import { apiKeyIdSchema, bearer, jsonBody, jsonResponse, profileSchema, regionSchema, slugSchema, someNameSchema } from '../registry/openapi-schemas.ts';

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
        properties: { id: slugSchema, name: someNameSchema, region: regionSchema, bin: { type: 'string', pattern: '^\\d{12}$' } },
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
      tags: ['registry'],
      parameters: [
        { name: 'region', in: 'query', schema: regionSchema },
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
      tags: ['registry'],
      parameters: [idParameter],
      responses: { '200': jsonResponse('The profile', profileSchema), ...problemResponses(404) },
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
