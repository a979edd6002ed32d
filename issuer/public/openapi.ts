import { CONTEXT_PATH, SCHEMA_PATH } from '../../shared/credential/index.ts';
import { problemResponses } from '../../shared/http/openapi.ts';

export const publicOpenApiPaths: Record<string, unknown> = {
  [CONTEXT_PATH]: {
    get: {
      summary: 'The JSON-LD context of volunteer credentials',
      tags: ['public'],
      responses: { '200': { description: 'JSON-LD context', content: { 'application/ld+json': { schema: { type: 'object' } } } }, ...problemResponses(404) },
    },
  },
  [SCHEMA_PATH]: {
    get: {
      summary: 'The JSON Schema of VolunteerActivityCredential (draft 2020-12)',
      tags: ['public'],
      responses: { '200': { description: 'JSON Schema', content: { 'application/schema+json': { schema: { type: 'object' } } } }, ...problemResponses(404) },
    },
  },
};
