import { CONTEXT_PATH, SCHEMA_PATH } from '../../shared/credential/index.ts';
import { problemResponses } from '../../shared/http/openapi.ts';
import { VCT_PATH } from '../../shared/sd-jwt-vc/index.ts';

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
  [VCT_PATH]: {
    get: {
      summary: 'The SD-JWT VC Type Metadata of the volunteer activity SD-JWT VC: this URL is its `vct`. Display in kk, ru, en; `name` and `iin` selectively disclosed (sd: always), the activity never',
      tags: ['public'],
      responses: { '200': { description: 'Type metadata', content: { 'application/json': { schema: { type: 'object', required: ['vct'] } } } }, ...problemResponses(404) },
    },
  },
};
