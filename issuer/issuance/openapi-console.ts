import { problemResponses } from '../../shared/http/openapi.ts';
import { bearer, jsonBody, jsonResponse } from './openapi-schemas.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'Activity id' }];
const binary = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: 'string', format: 'binary' } } } });
const lang = { name: 'lang', in: 'query', schema: { enum: ['kk', 'ru', 'en'] } };

/** The list's filters, shared by the list, the exports and the cards. */
export const filterParams = [
  { name: 'status', in: 'query', schema: { enum: ['offered', 'claimed', 'revoked', 'withdrawn', 'expired'] } },
  { name: 'project', in: 'query', schema: { type: 'string' } },
  { name: 'from', in: 'query', schema: { type: 'string', format: 'date' }, description: 'Activities that ended on or after' },
  { name: 'to', in: 'query', schema: { type: 'string', format: 'date' }, description: 'Activities that started on or before' },
  { name: 'upload', in: 'query', schema: { type: 'string' }, description: 'An Upload-Id of the batch route' },
  { name: 'q', in: 'query', schema: { type: 'string' }, description: 'Part of the volunteer’s name, any case' },
  { name: 'ids', in: 'query', schema: { type: 'string' }, description: 'Comma-separated activity ids' },
];

const settings = { type: 'object', properties: { mailLanguage: { enum: ['kk', 'ru', 'en', null] }, defaultMailLanguage: { enum: ['kk', 'ru', 'en'] } } };
const project = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' } } };

/** OpenAPI path items of the organization's console routes (issue 10). */
export const consoleOpenApiPaths: Record<string, unknown> = {
  '/v1/activities/template.xlsx': {
    get: { summary: 'The spreadsheet template: headers in the language asked, a filled example row, category and region lists on a second sheet', tags: ['activities'], security: bearer, parameters: [lang], responses: { '200': binary(XLSX, 'Workbook'), ...problemResponses(401, 403) } },
  },
  '/v1/activities/template.csv': {
    get: { summary: 'The CSV template (UTF-8 with BOM, ; separated) with a filled example row', tags: ['activities'], security: bearer, parameters: [lang], responses: { '200': binary('text/csv', 'CSV'), ...problemResponses(401, 403) } },
  },
  '/v1/activities/cards.pdf': {
    get: {
      summary: 'Printable offer cards (A4, eight to a page, cut lines) for the claimable offers among ids= or a whole upload=; each QR is the https claimUrl',
      tags: ['activities'],
      security: bearer,
      parameters: [filterParams.find((p) => p.name === 'ids'), filterParams.find((p) => p.name === 'upload'), lang],
      responses: { '200': binary('application/pdf', 'PDF'), ...problemResponses(400, 401, 403, 404) },
    },
  },
  '/v1/activities/export.csv': {
    get: { summary: 'The filtered list as CSV (UTF-8 with BOM, ; separated)', tags: ['activities'], security: bearer, parameters: filterParams, responses: { '200': binary('text/csv', 'CSV'), ...problemResponses(400, 401, 403) } },
  },
  '/v1/activities/export.xlsx': {
    get: { summary: 'The filtered list as a workbook', tags: ['activities'], security: bearer, parameters: filterParams, responses: { '200': binary(XLSX, 'Workbook'), ...problemResponses(400, 401, 403) } },
  },
  '/v1/activities/{id}/send': {
    post: {
      summary: 'Queue the offer e-mail again (to email when given, which is kept); 409 when SMTP_URL is unset, 410 when the offer can no longer be claimed',
      tags: ['activities'],
      security: bearer,
      parameters: idParam,
      requestBody: jsonBody({ type: 'object', properties: { email: { type: 'string', format: 'email' }, language: { enum: ['kk', 'ru', 'en'] } } }),
      responses: {
        '202': jsonResponse('Queued', { type: 'object', properties: { id: { type: 'string' }, mailId: { type: 'string' }, status: { const: 'queued' }, to: { type: 'string' } } }),
        ...problemResponses(400, 401, 403, 404, 409, 410, 429),
      },
    },
  },
  '/v1/activities/{id}/withdraw': {
    post: {
      summary: 'Withdraw an offer nobody has claimed (irreversible); a claimed activity is 409: revoke its credential instead',
      tags: ['activities'],
      security: bearer,
      parameters: idParam,
      requestBody: jsonBody({ type: 'object', properties: { reason: { type: 'string', maxLength: 500 } } }),
      responses: {
        '200': jsonResponse('Withdrawn', { type: 'object', properties: { id: { type: 'string' }, status: { const: 'withdrawn' }, withdrawnAt: { type: 'string', format: 'date-time' }, reason: { type: 'string' } } }),
        ...problemResponses(400, 401, 403, 404, 409, 429),
      },
    },
  },
  '/v1/projects': {
    get: { summary: 'The organization’s projects (the form’s picker)', tags: ['projects'], security: bearer, responses: { '200': jsonResponse('Projects', { type: 'object', properties: { projects: { type: 'array', items: project } } }), ...problemResponses(401, 403) } },
    post: {
      summary: 'Add a project (201; 200 with the existing one for a name already listed); the organization’s admins and API keys',
      tags: ['projects'],
      security: bearer,
      requestBody: jsonBody({ type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 200 } } }),
      responses: { '201': jsonResponse('Added', project), '200': jsonResponse('Already listed', project), ...problemResponses(400, 401, 403, 429) },
    },
  },
  '/v1/projects/{id}': {
    delete: { summary: 'Remove a project from the picker (activities keep its name); the organization’s admins and API keys', tags: ['projects'], security: bearer, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '204': { description: 'Removed' }, ...problemResponses(401, 403, 404, 429) } },
  },
  '/v1/organization/settings': {
    get: { summary: 'The calling organization’s settings: its offer e-mail language', tags: ['projects'], security: bearer, responses: { '200': jsonResponse('Settings', settings), ...problemResponses(401, 403) } },
    put: {
      summary: 'Change the offer e-mail language used when a row names none (null: the deployment’s MAIL_LANGUAGE); the organization’s admins and API keys',
      tags: ['projects'],
      security: bearer,
      requestBody: jsonBody({ type: 'object', required: ['mailLanguage'], properties: { mailLanguage: { enum: ['kk', 'ru', 'en', null] } } }),
      responses: { '200': jsonResponse('Changed', settings), ...problemResponses(400, 401, 403, 429) },
    },
  },
};
