import { problemResponses } from '../../shared/http/openapi.ts';
import { activitySchema, bearer, jsonBody, jsonResponse, oauthErrors } from '../issuance/openapi-schemas.ts';

const eventId = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'Event id' }];
const checkInStatus = { enum: ['waiting', 'confirmed', 'declined', 'cancelled', 'expired'] };
const checkIn = {
  type: 'object',
  required: ['id', 'name', 'did', 'at', 'status'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string', description: 'The display name the wallet sent (display_name), or what the coordinator set' },
    did: { type: 'string', description: 'The did:key that checked in: the credential is bound to it' },
    at: { type: 'string', format: 'date-time' },
    status: checkInStatus,
    hours: { type: 'number' },
    role: { type: 'string' },
    reason: { type: 'string', description: 'Why it was declined' },
    credentialId: { type: 'string' },
    fetchedAt: { type: 'string', format: 'date-time' },
  },
};
const eventView = {
  type: 'object',
  required: ['id', 'status', 'activity', 'checkInUntil', 'createdAt', 'checkIns'],
  properties: {
    id: { type: 'string' },
    status: { enum: ['open', 'closed', 'confirmed'] },
    activity: { ...activitySchema, description: 'The activity without hours (set per person at confirmation)' },
    place: { type: 'string' },
    checkInUntil: { type: 'string', format: 'date-time' },
    createdAt: { type: 'string', format: 'date-time' },
    confirmedAt: { type: 'string', format: 'date-time' },
    checkInOfferUri: { type: 'string', description: 'While open: the current check-in offer (openid-credential-offer://), a new one every CHECK_IN_CODE_SECONDS (30)' },
    checkInUrl: { type: 'string', description: 'The same offer as the wallet’s https claim link (what the QR carries)' },
    checkInReplacedAt: { type: 'string', format: 'date-time' },
    checkIns: { type: 'object', properties: Object.fromEntries(['waiting', 'confirmed', 'declined', 'cancelled', 'expired'].map((s) => [s, { type: 'integer' }])) },
  },
};
const hoursBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    hours: { type: 'number', exclusiveMinimum: 0, description: 'For every waiting check-in' },
    role: { type: 'string' },
    checkIns: { type: 'array', items: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string' }, hours: { type: 'number', exclusiveMinimum: 0 }, role: { type: 'string' }, name: { type: 'string' } } }, description: 'Exceptions, per check-in' },
  },
};
const transactionBody = { type: 'object', required: ['transaction_id'], properties: { transaction_id: { type: 'string' } } };

/** OpenAPI path items of events (issue 12): the organization's routes and the wallet-facing check-in routes. */
export const eventsOpenApiPaths: Record<string, unknown> = {
  '/v1/events': {
    post: {
      summary: 'Create an event: volunteers check in by scanning its rotating QR (OpenID4VCI with deferred issuance)',
      tags: ['events'],
      security: bearer,
      requestBody: jsonBody({ type: 'object', required: ['activity', 'checkInUntil'], additionalProperties: false, properties: { activity: activitySchema, place: { type: 'string' }, checkInUntil: { type: 'string', format: 'date-time' } } }),
      responses: { '201': jsonResponse('The event, with its current check-in offer', eventView), ...problemResponses(400, 401, 403) },
    },
    get: { summary: 'The organization’s events, newest first (200 at most)', tags: ['events'], security: bearer, responses: { '200': jsonResponse('Events', { type: 'object', properties: { events: { type: 'array', items: eventView } } }), ...problemResponses(401, 403) } },
  },
  '/v1/events/{id}': {
    get: { summary: 'The event, with its current checkInOfferUri', tags: ['events'], security: bearer, parameters: eventId, responses: { '200': jsonResponse('Event', eventView), ...problemResponses(401, 403, 404) } },
  },
  '/v1/events/{id}/check-in.png': {
    get: {
      summary: 'The check-in QR (the https claim link): the current rotating one, or with printed=true the one to print, valid on the event’s dates only',
      tags: ['events'],
      security: bearer,
      parameters: [...eventId, { name: 'printed', in: 'query', schema: { enum: ['true'] } }],
      responses: { '200': { description: 'PNG', content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } }, ...problemResponses(401, 403, 404, 410) },
    },
  },
  '/v1/events/{id}/printed-offer': {
    get: { summary: 'The printable check-in offer and the interval it works in', tags: ['events'], security: bearer, parameters: eventId, responses: { '200': jsonResponse('Offer', { type: 'object', properties: { offerUri: { type: 'string' }, claimUrl: { type: 'string' }, validFrom: { type: 'string' }, validUntil: { type: 'string' } } }), ...problemResponses(401, 403, 404) } },
  },
  '/v1/events/{id}/close': {
    post: { summary: 'Stop check-ins now', tags: ['events'], security: bearer, parameters: eventId, responses: { '200': jsonResponse('Event', eventView), ...problemResponses(401, 403, 404) } },
  },
  '/v1/events/{id}/check-ins': {
    get: { summary: 'Who checked in, in order of arrival', tags: ['events'], security: bearer, parameters: eventId, responses: { '200': jsonResponse('Check-ins', { type: 'object', properties: { checkIns: { type: 'array', items: checkIn } } }), ...problemResponses(401, 403, 404) } },
  },
  '/v1/events/{id}/hours': {
    post: { summary: 'Set hours and roles: one value for every waiting check-in, then exceptions', tags: ['events'], security: bearer, parameters: eventId, requestBody: jsonBody(hoursBody), responses: { '200': jsonResponse('Check-ins', { type: 'object', properties: { checkIns: { type: 'array', items: checkIn } } }), ...problemResponses(400, 401, 403, 404, 409) } },
  },
  '/v1/events/{id}/check-ins/{checkInId}/decline': {
    post: {
      summary: 'Remove a waiting check-in with a reason the wallet shows',
      tags: ['events'],
      security: bearer,
      parameters: [...eventId, { name: 'checkInId', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: jsonBody({ type: 'object', required: ['reason'], properties: { reason: { type: 'string', maxLength: 500 } } }),
      responses: { '200': jsonResponse('Check-in', checkIn), ...problemResponses(400, 401, 403, 404, 409) },
    },
  },
  '/v1/events/{id}/send-offer': {
    post: {
      summary: 'The other way round, for a volunteer without a working camera: post the event’s current offer to the one-time link of the wallet’s personal check-in QR (scanned by the coordinator’s page)',
      tags: ['events'],
      security: bearer,
      parameters: eventId,
      requestBody: jsonBody({ type: 'object', required: ['walletUrl'], additionalProperties: false, properties: { walletUrl: { type: 'string', format: 'uri' } } }),
      responses: { '200': jsonResponse('Checked in', { type: 'object', properties: { status: { const: 'checked_in' } } }), ...problemResponses(400, 401, 403, 404, 409, 502) },
    },
  },
  '/v1/events/{id}/confirm': {
    post: {
      summary: 'Confirm (idempotent, one transaction): hours applied, then a credential recorded for each waiting check-in, bound to its key, fetched by the wallet from the deferred endpoint',
      tags: ['events'],
      security: bearer,
      parameters: eventId,
      requestBody: jsonBody(hoursBody),
      responses: { '200': jsonResponse('Confirmation', { type: 'object', properties: { event: eventView, confirmed: { type: 'integer' }, checkIns: { type: 'array', items: checkIn } } }), ...problemResponses(400, 401, 403, 404, 409) },
    },
  },
  '/oid4vci/check-in/{code}': {
    get: {
      summary: 'The credential offer behind a check-in QR: refused once the code’s window (and one more) has passed, or, printed, outside the event’s dates; each fetch mints a fresh single-use pre-authorized code',
      tags: ['openid4vci', 'events'],
      parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': jsonResponse('Credential offer', { type: 'object' }), ...oauthErrors(403, 404, 410) },
    },
  },
  '/oid4vci/deferred': {
    post: {
      summary: 'Deferred Credential Endpoint (OpenID4VCI 1.0, section 9): 202 { transaction_id, interval } while waiting, 200 { credentials } once confirmed; invalid_transaction_id (cancelled, expired) and credential_request_denied (declined, with reason) carry check_in_status',
      tags: ['openid4vci', 'events'],
      security: bearer,
      requestBody: jsonBody(transactionBody),
      responses: {
        '200': jsonResponse('Credential', { type: 'object', properties: { credentials: { type: 'array', items: { type: 'object', properties: { credential: { type: 'string' } } } } } }),
        '202': jsonResponse('Still waiting for the coordinator', { type: 'object', required: ['transaction_id', 'interval'], properties: { transaction_id: { type: 'string' }, interval: { type: 'integer' } } }),
        ...oauthErrors(400, 401, 403),
      },
    },
  },
  '/oid4vci/check-in/cancel': {
    post: { summary: 'Extension: the wallet cancels its waiting check-in (same access token and transaction_id as the deferred endpoint)', tags: ['openid4vci', 'events'], security: bearer, requestBody: jsonBody(transactionBody), responses: { '200': jsonResponse('Cancelled', { type: 'object', properties: { status: { const: 'cancelled' } } }), ...oauthErrors(400, 401, 409) } },
  },
};
