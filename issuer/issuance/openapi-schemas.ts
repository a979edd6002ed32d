import { CATEGORIES, REGION_CODES } from '../../shared/credential/index.ts';

export const bearer = [{ bearer: [] }];

export const jsonBody = (schema: unknown, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: { 'application/json': { schema } },
});

export const jsonResponse = (description: string, schema: unknown, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema } },
});

const text = { type: 'string', minLength: 1, maxLength: 200 };
const date = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

export const activitySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'category', 'region', 'activityStartDate', 'activityEndDate', 'hours'],
  properties: {
    achievementType: { const: 'CommunityService' },
    name: { type: 'object', additionalProperties: false, minProperties: 1, properties: { kk: text, ru: text, en: text }, description: 'At least one of kk, ru, en' },
    project: text,
    category: { enum: [...CATEGORIES] },
    region: { enum: [...REGION_CODES], description: 'ISO 3166-2:KZ (2022)' },
    activityStartDate: date,
    activityEndDate: { ...date, description: 'Not before activityStartDate, not in the future' },
    hours: { type: 'number', exclusiveMinimum: 0, description: 'At most 24 per day of the activity' },
    role: text,
    confirmedBy: text,
  },
};

export const activityRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['volunteer', 'activity'],
  properties: {
    volunteer: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: text,
        email: { type: 'string', format: 'email' },
        language: { enum: ['kk', 'ru', 'en'], description: 'Language of the offer e-mail (MAIL_LANGUAGE when absent)' },
        iin: {
          type: 'string',
          pattern: '^[0-9]{12}$',
          description: "The volunteer's IIN: 12 digits whose check digit is valid. Stored sealed, never logged, shown back only masked; it goes into the volunteer's SD-JWT VC as a selectively disclosable claim",
        },
      },
    },
    activity: activitySchema,
    idempotencyKey: { ...text, description: 'Replaying a key answers the first result; the same key with other content is 409' },
  },
};

export const activityStatusSchema = { enum: ['offered', 'claimed', 'revoked', 'withdrawn', 'expired'] };

export const offerUriSchema = {
  type: 'string',
  description: 'openid-credential-offer://?credential_offer_uri=<url-encoded {ISSUER_URL}/oid4vci/offers/{token}>',
};

export const activityViewSchema = {
  type: 'object',
  required: ['id', 'status', 'volunteer', 'activity', 'createdAt'],
  properties: {
    id: { type: 'string' },
    status: activityStatusSchema,
    offerUri: { ...offerUriSchema, description: 'Present while the offer can be claimed' },
    claimUrl: { type: 'string', format: 'uri', description: '{WALLET_URL}/claim?offer=…: the https link a phone camera opens (present while the offer can be claimed)' },
    qrUrl: { type: 'string', format: 'uri' },
    offerExpiresAt: { type: 'string', format: 'date-time' },
    volunteer: {
      type: 'object',
      properties: { name: { type: 'string' }, email: { type: 'string' }, language: { enum: ['kk', 'ru', 'en'] }, iinMasked: { type: 'string', description: 'The recorded IIN, only its last four digits (••••••••1234)' } },
    },
    activity: activitySchema,
    idempotencyKey: { type: 'string', description: 'As sent, or row:… for a spreadsheet row that had none (its volunteer and activity)' },
    uploadId: { type: 'string', description: 'The batch it was recorded in' },
    mail: {
      type: 'object',
      description: 'The latest offer e-mail',
      properties: { status: { enum: ['queued', 'sent', 'failed'] }, at: { type: 'string', format: 'date-time', description: 'When sent, or the next attempt' }, error: { type: 'string', description: 'Why the last attempt failed' } },
    },
    createdAt: { type: 'string', format: 'date-time' },
    credentialId: { type: 'string', description: 'urn:uuid:… once claimed' },
    claimedAt: { type: 'string', format: 'date-time' },
    revokedAt: { type: 'string', format: 'date-time' },
  },
};

/** OAuth / OpenID4VCI error bodies: the spec's members plus our problem details members. */
export const oauthErrorSchema = {
  type: 'object',
  required: ['error', 'error_description', 'type', 'title', 'status', 'detail', 'code'],
  properties: {
    error: { type: 'string', description: 'invalid_request, invalid_grant, unsupported_grant_type, invalid_token, invalid_proof, invalid_nonce, invalid_credential_request, unknown_credential_configuration, credential_request_denied' },
    error_description: { type: 'string' },
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    field: { type: 'string' },
  },
};

export function oauthErrors(...statuses: number[]): Record<string, unknown> {
  return Object.fromEntries(statuses.map((s) => [String(s), { description: 'OAuth error (RFC 6749 / OpenID4VCI) with problem details members', content: { 'application/json': { schema: oauthErrorSchema } } }]));
}
