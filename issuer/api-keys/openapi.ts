import { problemResponses } from '../../shared/http/openapi.ts';
import { bearer, jsonBody, jsonResponse, slugSchema } from '../registry/openapi-schemas.ts';

const id = { name: 'id', in: 'path', required: true, schema: slugSchema };
const keyId = { name: 'keyId', in: 'path', required: true, schema: { type: 'string', examples: ['key_0123456789abcdef0123'] } };
const tags = ['api keys'];

export const apiKeysOpenApiPaths: Record<string, unknown> = {
  '/v1/organizations/{id}/api-keys': {
    get: {
      summary: "The organization's working API keys, without secrets, with when each was last used (to the minute)",
      description: 'People of the organization or of a unit above it.',
      tags,
      security: bearer,
      parameters: [id],
      responses: {
        '200': jsonResponse('The keys', {
          type: 'object',
          required: ['apiKeys'],
          properties: {
            apiKeys: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'createdAt', 'lastUsedAt'],
                properties: { id: { type: 'string' }, name: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' }, lastUsedAt: { type: ['string', 'null'], format: 'date-time' } },
              },
            },
          },
        }),
        ...problemResponses(401, 403, 404),
      },
    },
    post: {
      summary: 'Create a named API key (shown once; stored only as a hash)',
      description: "That organization's admin, or an admin of a unit above it. API keys cannot make keys.",
      tags,
      security: bearer,
      parameters: [id],
      requestBody: jsonBody({ type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string', minLength: 1, maxLength: 100 } } }),
      responses: {
        '201': jsonResponse('Created', {
          type: 'object',
          required: ['id', 'name', 'apiKey'],
          properties: { id: { type: 'string' }, name: { type: 'string' }, apiKey: { type: 'string', description: 'Shown once' } },
        }),
        ...problemResponses(400, 401, 403, 404, 413, 429),
      },
    },
  },
  '/v1/organizations/{id}/api-keys/{keyId}': {
    delete: {
      summary: 'Revoke a key: the next request with it is refused',
      tags,
      security: bearer,
      parameters: [id, keyId],
      responses: { '204': { description: 'Revoked' }, ...problemResponses(401, 403, 404, 429) },
    },
  },
};
