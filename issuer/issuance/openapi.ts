import { problemResponses } from '../../shared/http/openapi.ts';
import { SHEET_COLUMNS } from '../activities/sheet/columns.ts';
import { PROBLEM_REASONS } from '../activities/sheet/problem-texts.ts';
import { consoleOpenApiPaths, filterParams } from './openapi-console.ts';
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
      claimUrl: { type: 'string', format: 'uri' },
      uploadId: { type: 'string' },
      preview: { type: 'object', properties: { volunteer: { type: 'string' }, activity: { type: 'string' }, startDate: { type: 'string' }, endDate: { type: 'string' }, hours: { type: 'number' } } },
      error: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          field: { type: 'string', description: 'JSON path, or the column header as the file has it' },
          detail: { type: 'string' },
          reason: { enum: [...PROBLEM_REASONS] },
          message: { type: 'string', description: 'The problem in the reader’s language (?lang= or Accept-Language), naming the header and cell' },
          header: { type: 'string' },
          cell: { type: 'string', description: 'G3 in a workbook, 3:Часы (data row and header) in a CSV' },
        },
      },
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
          properties: { id: { type: 'string' }, status: activityStatusSchema, offerUri: offerUriSchema, claimUrl: { type: 'string', format: 'uri' }, qrUrl: { type: 'string', format: 'uri' } },
        }),
        ...problemResponses(400, 401, 403, 409, 413, 429),
      },
    },
    get: {
      summary: "The organization's own activities, newest first, paged",
      tags: ['activities'],
      security: bearer,
      parameters: [
        ...filterParams,
        { name: 'counts', in: 'query', schema: { enum: ['true', 'false'] }, description: 'true adds counts by status of the activities the other filters match' },
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
      summary: 'Record up to 10,000 activities: a JSON array, text/csv or an .xlsx workbook. This route alone accepts bodies up to 10 MiB (413 above that or above 10,000 rows)',
      description: `A spreadsheet (CSV in UTF-8 with or without BOM or Windows-1251, ; or , separated; or .xlsx, first sheet) has a header row in kk, ru or en as the templates write it, or these names, in any order (unknown columns are refused): ${SHEET_COLUMNS.join(', ')}. Dates as Excel dates, dd.mm.yyyy or ISO; decimal commas; categories and regions by code or by name. A row without idempotency_key is keyed by its volunteer and activity, so an upload repeated records nothing twice. Header Upload-Id names the upload.`,
      parameters: [
        { name: 'dryRun', in: 'query', schema: { enum: ['true', 'false'] }, description: 'true: check every row and answer as if recording (status ready, or recorded with its id when it already was); nothing is recorded' },
        { name: 'lang', in: 'query', schema: { enum: ['kk', 'ru', 'en'] }, description: 'Language of each problem’s message (else Accept-Language)' },
      ],
      tags: ['activities'],
      security: bearer,
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { type: 'array', maxItems: 10000, items: activityRequestSchema } },
          'text/csv': { schema: { type: 'string' } },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
        },
      },
      responses: { '200': jsonResponse('One result per row: good rows recorded, bad rows say why', batchResult), ...problemResponses(400, 401, 403, 413, 415, 429) },
    },
  },
  '/v1/activities/uploads': {
    get: {
      summary: "The organization's 20 latest spreadsheet uploads, newest first, with what became of their rows (filter the list and the cards with ?upload=)",
      tags: ['activities'],
      security: bearer,
      responses: {
        '200': jsonResponse('Uploads', {
          type: 'object',
          properties: {
            items: {
              type: 'array',
              items: {
                type: 'object',
                required: ['uploadId', 'recordedAt', 'activities', 'claimed', 'withdrawn'],
                properties: { uploadId: { type: 'string' }, recordedAt: { type: 'string', format: 'date-time' }, activities: { type: 'integer' }, claimed: { type: 'integer' }, withdrawn: { type: 'integer' } },
              },
            },
          },
        }),
        ...problemResponses(401, 403),
      },
    },
  },
  '/v1/activities/{id}': {
    get: { summary: 'One of the organization’s activities', tags: ['activities'], security: bearer, parameters: idParam('Activity id'), responses: { '200': jsonResponse('Activity', activityViewSchema), ...problemResponses(401, 403, 404) } },
  },
  '/v1/activities/{id}/offer.png': {
    get: {
      summary: 'The offer as a QR code: the https claimUrl (?form=wallet: the openid-credential-offer:// URI)',
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
  ...consoleOpenApiPaths,
  ...vcApiOpenApiPaths,
  ...oid4vciOpenApiPaths,
};
