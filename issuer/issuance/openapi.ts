import { problemResponses } from '../../shared/http/openapi.ts';
import { CSV_COLUMNS } from '../activities/csv.ts';
import { oid4vciOpenApiPaths } from '../oid4vci/openapi.ts';
import { vcApiOpenApiPaths } from '../vc-api/openapi.ts';
import { activityRequestSchema, activityStatusSchema, activityViewSchema, bearer, jsonBody, jsonResponse, offerUriSchema } from './openapi-schemas.ts';

const idParam = (description: string) => [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description }];

const batchResult = {
  type: 'array',
  items: {
    type: 'object',
    required: ['row'],
    properties: {
      row: { type: 'integer', description: '1-based: the element of the JSON array, or the data row of the CSV (header not counted)' },
      id: { type: 'string' },
      status: activityStatusSchema,
      offerUri: offerUriSchema,
      error: { type: 'object', properties: { code: { type: 'string' }, field: { type: 'string', description: 'JSON path, or the CSV column' }, detail: { type: 'string' } } },
    },
  },
};

/** OpenAPI 3.1 path items of the issuing side, merged into the issuer's document. */
export const issuanceOpenApiPaths: Record<string, unknown> = {
  '/v1/activities': {
    post: {
      summary: 'Record a completed activity and make its credential offer',
      tags: ['activities'],
      security: bearer,
      requestBody: jsonBody(activityRequestSchema),
      responses: {
        '201': jsonResponse('Recorded (or the first result of a replayed idempotencyKey, with header Idempotent-Replayed: true)', {
          type: 'object',
          required: ['id', 'status'],
          properties: { id: { type: 'string' }, status: activityStatusSchema, offerUri: offerUriSchema, qrUrl: { type: 'string', format: 'uri' } },
        }),
        ...problemResponses(400, 401, 403, 409, 413, 429),
      },
    },
    get: {
      summary: "The organization's own activities, newest first, paged",
      tags: ['activities'],
      security: bearer,
      parameters: [
        { name: 'status', in: 'query', schema: activityStatusSchema },
        { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'nextCursor of the previous page' },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
      ],
      responses: {
        '200': jsonResponse('A page', { type: 'object', properties: { items: { type: 'array', items: activityViewSchema }, nextCursor: { type: ['string', 'null'] } } }),
        ...problemResponses(400, 401, 403),
      },
    },
  },
  '/v1/activities/batch': {
    post: {
      summary: 'Record up to 10,000 activities: a JSON array, or text/csv. This route alone accepts bodies up to 10 MiB (413 above that or above 10,000 rows)',
      description: `CSV: UTF-8 (a BOM is fine), comma- or semicolon-separated, a header row with these columns in any order (unknown columns are refused): ${CSV_COLUMNS.join(', ')}. A decimal comma in hours is accepted.`,
      tags: ['activities'],
      security: bearer,
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { type: 'array', maxItems: 10000, items: activityRequestSchema } }, 'text/csv': { schema: { type: 'string' } } },
      },
      responses: { '200': jsonResponse('One result per row: good rows recorded, bad rows say why', batchResult), ...problemResponses(400, 401, 403, 413, 415, 429) },
    },
  },
  '/v1/activities/{id}': {
    get: { summary: 'One of the organization’s activities', tags: ['activities'], security: bearer, parameters: idParam('Activity id'), responses: { '200': jsonResponse('Activity', activityViewSchema), ...problemResponses(401, 403, 404) } },
  },
  '/v1/activities/{id}/offer.png': {
    get: {
      summary: 'The offer URI as a QR code',
      tags: ['activities'],
      security: bearer,
      parameters: idParam('Activity id'),
      responses: { '200': { description: 'PNG', content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } }, ...problemResponses(401, 403, 404, 410) },
    },
  },
  '/v1/credentials/{id}/revoke': {
    post: {
      summary: 'Revoke a credential (its bit in the status list is set), or withdraw an offer not yet claimed. Idempotent',
      tags: ['credentials'],
      security: bearer,
      parameters: idParam('The credential id (any URI it was issued with: urn:uuid:…, urn:example:1), the id of its status entry (credentialStatus.id, {ISSUER_URL}/status/{org}/{list}#{index}; URL-encoded), or the id of its activity'),
      requestBody: jsonBody({ type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 1, maxLength: 500 } } }),
      responses: {
        '200': jsonResponse('The revocation', {
          type: 'object',
          properties: {
            id: { type: ['string', 'null'], description: 'The credential id, or its status entry id when it has none' },
            activityId: { type: ['string', 'null'] },
            status: { enum: ['revoked', 'withdrawn'] },
            revokedAt: { type: 'string', format: 'date-time' },
            reason: { type: 'string' },
            statusListCredential: { type: 'string' },
            statusListIndex: { type: 'string' },
          },
        }),
        ...problemResponses(400, 401, 403, 404, 429),
      },
    },
  },
  '/status/{org}/{list}': {
    get: {
      summary: 'A Bitstring Status List credential (131,072 entries) as a VC-JWT signed by the newest key of the organization (#key-1, #key-2 after a rotation). Its credentialSubject carries `ttl` (STATUS_LIST_TTL_SECONDS, in ms); Cache-Control: public, no-cache; ETag, revalidated with If-None-Match. With `Accept: application/statuslist+jwt`, the same bits as a Token Status List (IETF OAuth Status List: `sub` this URL, `status_list: { bits: 1, lst }`, `ttl` in seconds), what SD-JWT VCs point at',
      tags: ['credentials'],
      parameters: [
        { name: 'org', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'list', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
      ],
      responses: {
        '200': {
          description: 'VC-JWT, or a Token Status List when asked for one',
          content: { 'application/vc+jwt': { schema: { type: 'string' } }, 'application/jwt': { schema: { type: 'string' } }, 'application/statuslist+jwt': { schema: { type: 'string' } } },
        },
        '304': { description: 'Not modified (If-None-Match)' },
        ...problemResponses(404),
      },
    },
  },
  ...vcApiOpenApiPaths,
  ...oid4vciOpenApiPaths,
};
