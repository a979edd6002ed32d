import { problemResponses } from '../../shared/http/openapi.ts';
import { bearer, jsonBody, jsonResponse, someNameSchema } from '../registry/openapi-schemas.ts';

const unit = { type: 'string', pattern: '^(registry|front-office:[a-z0-9-]+|organization:[a-z0-9-]+)$', examples: ['front-office:fo-kz-55'] };
const role = { type: 'string', enum: ['admin', 'member', 'viewer'] };
const login = { type: 'string', format: 'email', maxLength: 254, description: 'An e-mail address, compared without case' };
const password = { type: 'string', minLength: 10, maxLength: 1024 };
const token = { name: 'token', in: 'path', required: true, schema: { type: 'string' }, description: 'The fragment of the invitation link (after #)' };
const staffId = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const link = {
  type: 'object',
  required: ['id', 'invitationUrl', 'expiresAt'],
  properties: {
    id: { type: 'string', description: 'The invitation' },
    staffId: { type: 'string', description: 'The person invited' },
    invitationUrl: { type: 'string', format: 'uri', description: '{ISSUER_URL}/invitation#{token}: shown once, single use' },
    expiresAt: { type: 'string', format: 'date-time' },
  },
};
const person = {
  type: 'object',
  required: ['id', 'name', 'role', 'status', 'unit'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    login: { type: 'string' },
    role,
    status: { enum: ['invited', 'active'] },
    unit,
    joinedAt: { type: 'string', format: 'date-time' },
    invitationExpiresAt: { type: 'string', format: 'date-time' },
  },
};
const staffTag = ['staff'];

/** OpenAPI path items of the people routes (staff accounts and console sessions). */
export const staffOpenApiPaths: Record<string, unknown> = {
  '/v1/staff/invitations': {
    post: {
      summary: 'Invite a person into a unit with a role: a single-use link, valid for 7 days (STAFF_INVITATION_SECONDS)',
      description: 'An admin of that unit or of one above it (registry → front offices → organizations of that region). PASSPORT_ADMIN_TOKEN may invite anyone, which is how the first registry admin is made.',
      tags: staffTag,
      security: bearer,
      requestBody: jsonBody({ type: 'object', required: ['unit', 'role', 'name'], additionalProperties: false, properties: { unit, role, name: { type: 'string', maxLength: 200 }, email: login } }),
      responses: { '201': jsonResponse('Invited', link), ...problemResponses(400, 401, 403, 404, 413, 429) },
    },
  },
  '/v1/staff/invitations/{token}': {
    get: {
      summary: 'What an invitation is for, before it is accepted',
      tags: staffTag,
      parameters: [token],
      responses: {
        '200': jsonResponse('The invitation', {
          type: 'object',
          properties: { unit, unitName: someNameSchema, role, name: { type: 'string' }, login: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } },
        }),
        ...problemResponses(404, 410),
      },
    },
  },
  '/v1/staff/invitations/{token}/accept': {
    post: {
      summary: 'Accept an invitation: choose the login (an e-mail address) and a password (at least 10 characters)',
      description: '410 with reason "used" or "expired" for a link that no longer works; 404 for an unknown or replaced link.',
      tags: staffTag,
      parameters: [token],
      requestBody: jsonBody({ type: 'object', required: ['login', 'password'], additionalProperties: false, properties: { login, password } }),
      responses: { '201': jsonResponse('The person is active', { type: 'object', required: ['id'], properties: { id: { type: 'string' } } }), ...problemResponses(400, 404, 409, 410, 413, 429) },
    },
  },
  '/v1/staff/sessions': {
    post: {
      summary: 'Sign in: a bearer token for scripts and the console cookie for the pages; the session ends after a day without requests (STAFF_SESSION_IDLE_SECONDS)',
      tags: staffTag,
      requestBody: jsonBody({ type: 'object', required: ['login', 'password'], additionalProperties: false, properties: { login, password: { type: 'string' } } }),
      responses: {
        '200': jsonResponse('Signed in', {
          type: 'object',
          required: ['token', 'expiresAt', 'staff'],
          properties: {
            token: { type: 'string', description: 'vp_staff_…: send as Authorization: Bearer' },
            expiresAt: { type: 'string', format: 'date-time', description: 'Moves forward with every request' },
            staff: { type: 'object', properties: { id: { type: 'string' }, unit, role } },
          },
        }),
        ...problemResponses(400, 401, 413, 429),
      },
    },
  },
  '/v1/staff/sessions/current': {
    delete: { summary: 'Sign out: the token and the cookie stop working at once', tags: staffTag, security: bearer, responses: { '204': { description: 'Signed out' }, ...problemResponses(401, 403) } },
  },
  '/v1/staff/me': {
    get: {
      summary: 'The signed-in person and their unit',
      tags: staffTag,
      security: bearer,
      responses: {
        '200': jsonResponse('The person', {
          type: 'object',
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            login: { type: 'string' },
            role,
            unit,
            unitKind: { enum: ['registry', 'front_office', 'organization'] },
            unitId: { type: 'string' },
            unitName: someNameSchema,
            region: { type: ['string', 'null'] },
          },
        }),
        ...problemResponses(401, 403),
      },
    },
  },
  '/v1/staff/me/password': {
    post: {
      summary: "Change one's own password; the person's other sessions end",
      tags: staffTag,
      security: bearer,
      requestBody: jsonBody({ type: 'object', required: ['currentPassword', 'newPassword'], additionalProperties: false, properties: { currentPassword: { type: 'string' }, newPassword: password } }),
      responses: { '204': { description: 'Changed' }, ...problemResponses(400, 401, 403, 413, 429) },
    },
  },
  '/v1/staff': {
    get: {
      summary: 'The people of a unit (the caller’s own by default): for people of that unit or of one above it',
      tags: staffTag,
      security: bearer,
      parameters: [{ name: 'unit', in: 'query', schema: unit }],
      responses: { '200': jsonResponse('The people', { type: 'object', required: ['people'], properties: { people: { type: 'array', items: person } } }), ...problemResponses(400, 401, 403, 404) },
    },
  },
  '/v1/staff/{id}': {
    delete: {
      summary: 'Remove a person: their sessions and links stop at once (admins of the unit or above)',
      tags: staffTag,
      security: bearer,
      parameters: [staffId],
      responses: { '204': { description: 'Removed' }, ...problemResponses(401, 403, 404, 409) },
    },
  },
  '/v1/staff/{id}/reset': {
    post: {
      summary: 'Reset a person: their password and sessions stop working, and a new invitation link lets them choose another',
      tags: staffTag,
      security: bearer,
      parameters: [staffId],
      responses: { '201': jsonResponse('A new link', link), ...problemResponses(401, 403, 404, 409) },
    },
  },
};
