import { problemResponses } from '../../shared/http/openapi.ts';
import { organizationsOpenApiPaths } from '../organizations/index.ts';
import { publicOpenApiPaths } from '../public/index.ts';
import { trustListOpenApiPaths } from '../trust-list/index.ts';
import { apiKeyIdSchema, bearer, didDocumentSchema, fullNameSchema, jsonBody, jsonResponse, regionSchema, slugSchema } from './openapi-schemas.ts';

const didDocument = (description: string) => ({
  description,
  content: { 'application/did+json': { schema: didDocumentSchema } },
});

/** OpenAPI 3.1 path items of the registry's routes, merged into the issuer's document. */
export const registryOpenApiPaths: Record<string, unknown> = {
  '/.well-known/did.json': {
    get: { summary: "The national registry's did:web document", tags: ['registry'], responses: { '200': didDocument('DID document'), ...problemResponses(404) } },
  },
  '/orgs/{id}/did.json': {
    get: {
      summary: "An organization's did:web document (served for suspended organizations too)",
      tags: ['registry'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: slugSchema }],
      responses: { '200': didDocument('DID document'), ...problemResponses(404) },
    },
  },
  '/v1/front-offices': {
    get: {
      summary: 'The regional front offices, by region (as in the trust list)',
      tags: ['registry'],
      responses: {
        '200': jsonResponse('The front offices', {
          type: 'object',
          required: ['frontOffices'],
          properties: { frontOffices: { type: 'array', items: { type: 'object', required: ['id', 'region', 'name'], properties: { id: slugSchema, region: regionSchema, name: fullNameSchema } } } },
        }),
      },
    },
    post: {
      summary: 'Open a regional front office (one per region) and hand out its API key, once',
      tags: ['registry'],
      security: bearer,
      requestBody: jsonBody({ type: 'object', required: ['id', 'name', 'region'], additionalProperties: false, properties: { id: slugSchema, name: fullNameSchema, region: regionSchema } }),
      responses: {
        '201': jsonResponse('Created', {
          type: 'object',
          required: ['id', 'apiKey', 'apiKeyId'],
          properties: { id: slugSchema, apiKey: { type: 'string', description: 'Shown once; stored only as a hash' }, apiKeyId: apiKeyIdSchema },
        }),
        ...problemResponses(400, 401, 403, 409, 413, 429),
      },
    },
  },
  ...organizationsOpenApiPaths,
  ...trustListOpenApiPaths,
  ...publicOpenApiPaths,
};
