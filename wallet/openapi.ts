import type { Config } from '../shared/config.ts';
import { problemResponses, problemSchema } from '../shared/http/openapi.ts';

const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (schema: Record<string, unknown>) => ({ required: true, content: json(schema) });
const ok = (description: string, schema: Record<string, unknown>) => ({ description, content: json(schema) });
const secured = [{ bearer: [] }, { cookie: [] }];
const idParam = (description: string) => ({ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description });
const ids = { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 200, description: 'Credential ids (the JWT jti, urn:uuid:…)' };
const localizedText = { type: 'object', properties: { kk: { type: 'string' }, ru: { type: 'string' }, en: { type: 'string' } } };

const schemas = {
  Problem: problemSchema,
  Credential: {
    type: 'object',
    required: ['id', 'issuerDid', 'organization', 'activity', 'issuedAt', 'status'],
    properties: {
      id: { type: 'string' },
      issuerDid: { type: 'string' },
      organization: { type: 'object', properties: { id: { type: ['string', 'null'] }, name: localizedText } },
      holderName: { type: ['string', 'null'] },
      activity: { type: 'object', description: 'The activity as in the credential (DESIGN.md): name {kk,ru,en}, project, category, region, activityStartDate, activityEndDate, hours, role, confirmedBy' },
      issuedAt: { type: 'string', format: 'date-time' },
      expiresAt: { type: ['string', 'null'], format: 'date-time' },
      storedAt: { type: 'string', format: 'date-time' },
      source: { enum: ['claim', 'import'] },
      status: {
        enum: ['valid', 'revoked', 'issuer_suspended', 'issuer_not_accredited', 'expired', 'invalid', 'unverifiable'],
        description: 'Computed now: signature, status list, trust list (accreditation at issuance), expiry',
      },
      statusReasons: { type: 'array', items: { type: 'string' } },
      selectiveDisclosure: {
        oneOf: [{ type: 'null' }, { type: 'object', properties: { claims: { type: 'array', items: { enum: ['name', 'iin'] } } } }],
        description: 'The SD-JWT VC of the same activity kept with it (sealed at rest): the claims the volunteer may disclose by choice',
      },
    },
  },
  Share: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      url: { type: 'string', format: 'uri' },
      qrUrl: { type: 'string', format: 'uri' },
      verifyUrl: { type: 'string', format: 'uri' },
      credentialIds: { type: 'array', items: { type: 'string' } },
      createdAt: { type: 'string', format: 'date-time' },
      expiresAt: { type: 'string', format: 'date-time' },
      expired: { type: 'boolean' },
    },
  },
};

const paths = {
  '/v1/accounts': {
    post: {
      summary: 'Create a volunteer account with a fresh did:key',
      requestBody: body({ type: 'object', required: ['login', 'password'], properties: { login: { type: 'string', pattern: '^[A-Za-z0-9._@-]{3,64}$' }, password: { type: 'string', minLength: 10 } } }),
      description: 'JSON only, not from another origin (403 csrf). A taken login is answered 409 (logins are chosen by people); sign-ups are limited to 30 per client address per hour (429).',
      responses: {
        '201': ok('Created; the ten recovery codes are shown here only', { type: 'object', properties: { id: { type: 'string' }, did: { type: 'string' }, recoveryCodes: { type: 'array', items: { type: 'string' } } } }),
        ...problemResponses(400, 403, 409, 413, 415, 429, 503),
      },
    },
  },
  '/v1/sessions': {
    post: {
      summary: 'Sign in: a bearer token for the API and an HttpOnly session cookie for the pages',
      description:
        'JSON only; a request a browser marks as coming from another origin is refused (403 csrf). Each attempt is counted before the password is checked: after 3 failures a login backs off (1 s doubling to at most 30 s) and a client address may fail 20 times per 15 minutes; past that, 429 rate_limited with Retry-After. 503 busy when too many passwords are being checked at once.',
      requestBody: body({ type: 'object', required: ['login', 'password'], properties: { login: { type: 'string' }, password: { type: 'string' } } }),
      responses: {
        '200': ok('Signed in', { type: 'object', properties: { token: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' }, did: { type: 'string' } } }),
        ...problemResponses(400, 401, 403, 415, 429, 503),
      },
    },
  },
  '/v1/account': {
    get: { summary: 'The signed-in account: login, DID, display name, recovery e-mail (email; emailRecovery tells whether the wallet sends mail), recovery codes left', security: secured, responses: { '200': ok('The account', { type: 'object' }), ...problemResponses(401) } },
    delete: {
      summary: 'Delete the account and everything in it (credentials, shares, codes, sessions, key)',
      security: secured,
      requestBody: body({ type: 'object', required: ['password'], properties: { password: { type: 'string' } } }),
      responses: { '204': { description: 'Deleted; its share links answer 404' }, ...problemResponses(400, 401, 403, 429, 503) },
    },
  },
  '/v1/account/profile': {
    put: {
      summary: 'Set the display name (printed on the PDF, sent with check-ins); "" clears it',
      security: secured,
      requestBody: body({ type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 120 } } }),
      responses: { '200': ok('The account', { type: 'object' }), ...problemResponses(400, 401, 403) },
    },
  },
  '/v1/account/password': {
    post: {
      summary: 'Change the password (the current one confirms, 403 forbidden otherwise); other sessions end',
      security: secured,
      requestBody: body({ type: 'object', required: ['currentPassword', 'newPassword'], properties: { currentPassword: { type: 'string' }, newPassword: { type: 'string', minLength: 10 } } }),
      responses: { '204': { description: 'Changed' }, ...problemResponses(400, 401, 403, 429, 503) },
    },
  },
  '/v1/account/recovery-codes': {
    post: {
      summary: 'Replace the recovery codes (the password confirms); the old ones stop working',
      security: secured,
      requestBody: body({ type: 'object', required: ['password'], properties: { password: { type: 'string' } } }),
      responses: { '201': ok('Ten new codes, shown only here', { type: 'object', properties: { recoveryCodes: { type: 'array', items: { type: 'string' } } } }), ...problemResponses(400, 401, 403, 429, 503) },
    },
  },
  '/v1/account/recover': {
    post: {
      summary: 'Reset a forgotten password with one unused recovery code; every session ends',
      description: 'JSON only, not from another origin (403 csrf). Counted with the sign-in limit (429). A wrong or used code and an unknown login answer alike: 401 unauthorized, field code.',
      requestBody: body({ type: 'object', required: ['login', 'code', 'newPassword'], properties: { login: { type: 'string' }, code: { type: 'string' }, newPassword: { type: 'string', minLength: 10 } } }),
      responses: { '200': ok('Recovered', { type: 'object', properties: { remainingCodes: { type: 'integer' } } }), ...problemResponses(400, 401, 403, 415, 429, 503) },
    },
  },
  '/v1/account/email': {
    put: {
      summary: 'Add or change the recovery e-mail: the password confirms, and the address counts once the mailed link is opened',
      description: 'Only when the wallet has SMTP_URL (404 otherwise). The confirmation link opens {WALLET_URL}/confirm-email#token=…, valid 24 hours; ?lang= picks the e-mail\'s language. At most 5 confirmation e-mails per account and hour (429).',
      security: secured,
      parameters: [{ name: 'lang', in: 'query', required: false, schema: { enum: ['kk', 'ru', 'en'] } }],
      requestBody: body({ type: 'object', required: ['email', 'password'], properties: { email: { type: 'string', format: 'email' }, password: { type: 'string' } } }),
      responses: { '202': ok('Link sent', { type: 'object', properties: { pendingEmail: { type: 'string' } } }), ...problemResponses(400, 401, 403, 404, 429, 502) },
    },
    delete: { summary: 'Remove the recovery e-mail; links on their way stop working', security: secured, responses: { '204': { description: 'Removed' }, ...problemResponses(401, 403) } },
  },
  '/v1/account/email/confirm': {
    post: {
      summary: 'Confirm the recovery e-mail with the token of the mailed link (no session needed)',
      description: 'JSON only, not from another origin (403 csrf). A used, expired, superseded or unknown token: 410 gone, field token.',
      requestBody: body({ type: 'object', required: ['token'], properties: { token: { type: 'string' } } }),
      responses: { '200': ok('Confirmed', { type: 'object', properties: { email: { type: 'string' } } }), ...problemResponses(400, 403, 410, 415) },
    },
  },
  '/v1/account/password-reset': {
    post: {
      summary: 'Forgot password: mail a single-use reset link to the accounts whose confirmed recovery e-mail this is',
      description: 'Always 202 {"status":"accepted"}, whether or not an account has the address; the e-mail is sent after the answer. The link opens {WALLET_URL}/reset-password#token=… and works PASSWORD_RESET_SECONDS (30 minutes), once. 10 requests per client and 3 per address an hour (429). 404 without SMTP_URL.',
      parameters: [{ name: 'lang', in: 'query', required: false, schema: { enum: ['kk', 'ru', 'en'] } }],
      requestBody: body({ type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } }),
      responses: { '202': ok('Accepted', { type: 'object', properties: { status: { const: 'accepted' } } }), ...problemResponses(400, 403, 404, 415, 429) },
    },
  },
  '/v1/account/password-reset/complete': {
    post: {
      summary: 'Set a new password with the token of a reset link; every session and every other mailed link of the account ends',
      description: 'A used, expired, superseded or unknown token, or one made for an address the account no longer has: 410 gone, field token.',
      requestBody: body({ type: 'object', required: ['token', 'newPassword'], properties: { token: { type: 'string' }, newPassword: { type: 'string', minLength: 10 } } }),
      responses: { '204': { description: 'Password set' }, ...problemResponses(400, 403, 410, 415) },
    },
  },
  '/v1/sessions/current': { delete: { summary: 'Sign out', security: secured, responses: { '204': { description: 'Signed out' }, ...problemResponses(401, 403) } } },
  '/v1/credentials/claim': {
    post: {
      summary: 'Claim a credential offer (OpenID4VCI 1.0, pre-authorized code flow)',
      security: secured,
      requestBody: body({ type: 'object', required: ['offerUri'], properties: { offerUri: { type: 'string', description: 'openid-credential-offer://?credential_offer_uri=… or ?credential_offer=…, or an https link with those' }, txCode: { type: 'string' } } }),
      description:
        'When the offer also names an SD-JWT VC (dc+sd-jwt) of the activity, the same access token fetches it and it is kept with the credential as one item. If it cannot be had or fails its checks, the credential is kept alone and `warnings` says why (sd_jwt_vc_not_kept).',
      responses: {
        '201': ok('The stored credential', { allOf: [ref('Credential'), { type: 'object', properties: { warnings: { type: 'array', items: { type: 'object', properties: { code: { const: 'sd_jwt_vc_not_kept' }, detail: { type: 'string' } } } } } }] }),
        ...problemResponses(400, 401, 403, 409, 422, 502),
      },
    },
  },
  '/v1/credentials': {
    get: { summary: "The volunteer's credentials with their status now", security: secured, responses: { '200': ok('Credentials', { type: 'object', properties: { credentials: { type: 'array', items: ref('Credential') } } }), ...problemResponses(401) } },
  },
  '/v1/credentials/{id}': {
    get: {
      summary: 'One credential, with its JWT and who stands behind it',
      security: secured,
      parameters: [idParam('Credential id')],
      responses: {
        '200': ok('Credential', {
          allOf: [
            ref('Credential'),
            {
              type: 'object',
              properties: {
                jwt: { type: 'string' },
                issuer: {
                  type: 'object',
                  description: "The issuing organization as the registry's trust list names it; `accredited` is null when the list does not name it or could not be had",
                  properties: {
                    did: { type: 'string' },
                    region: { type: ['string', 'null'] },
                    accredited: { type: ['object', 'null'], properties: { status: { enum: ['accredited', 'suspended'] }, since: { type: ['string', 'null'], format: 'date-time' } } },
                    registryDid: { type: 'string' },
                  },
                },
              },
            },
          ],
        }),
        ...problemResponses(401, 404),
      },
    },
    delete: { summary: 'Remove a credential from the passport', security: secured, parameters: [idParam('Credential id')], responses: { '204': { description: 'Removed' }, ...problemResponses(401, 403, 404) } },
  },
  '/v1/summary': {
    get: {
      summary: 'Verified totals: only credentials whose status is valid now count',
      security: secured,
      responses: {
        '200': ok('Totals', {
          type: 'object',
          properties: {
            totalHours: { type: 'number' },
            counted: { type: 'integer' },
            byCategory: { type: 'array', items: { type: 'object', properties: { category: { type: 'string' }, hours: { type: 'number' }, count: { type: 'integer' } } } },
            byYear: { type: 'array', items: { type: 'object', properties: { year: { type: 'integer' }, hours: { type: 'number' }, count: { type: 'integer' } } } },
            byOrganization: { type: 'array', items: { type: 'object', properties: { did: { type: 'string' }, id: { type: ['string', 'null'] }, name: localizedText, hours: { type: 'number' }, count: { type: 'integer' } } } },
            excluded: { type: 'object', properties: { total: { type: 'integer' }, byStatus: { type: 'object', additionalProperties: { type: 'integer' } } } },
          },
        }),
        ...problemResponses(401),
      },
    },
  },
  '/v1/shares': {
    post: {
      summary: 'A share link: a holder-signed presentation of the chosen credentials',
      security: secured,
      requestBody: body({ type: 'object', required: ['credentialIds', 'expiresInDays'], properties: { credentialIds: ids, expiresInDays: { type: 'integer', minimum: 1, maximum: 365 } } }),
      responses: {
        '201': ok('Created', { type: 'object', properties: { id: { type: 'string' }, url: { type: 'string' }, qrUrl: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } } }),
        ...problemResponses(400, 401, 403, 404),
      },
    },
    get: { summary: "The volunteer's share links", security: secured, responses: { '200': ok('Shares', { type: 'object', properties: { shares: { type: 'array', items: ref('Share') } } }), ...problemResponses(401) } },
  },
  '/v1/shares/{id}': { delete: { summary: 'Delete a share: its link stops working at once', security: secured, parameters: [idParam('Share id')], responses: { '204': { description: 'Deleted' }, ...problemResponses(401, 403, 404) } } },
  '/v1/shares/{id}/qr.png': {
    get: { summary: 'QR code of {VERIFIER_URL}/verify?presentation={share url}', security: secured, parameters: [idParam('Share id')], responses: { '200': { description: 'PNG', content: { 'image/png': {} } }, ...problemResponses(401, 404) } },
  },
  '/p/{token}': {
    get: {
      summary: 'The shared presentation: a VP-JWT for machines (Accept: application/jwt or ?format=jwt), a page for people',
      parameters: [
        { name: 'token', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'format', in: 'query', required: false, schema: { enum: ['jwt'] } },
        { name: 'lang', in: 'query', required: false, schema: { enum: ['kk', 'ru', 'en'] } },
      ],
      responses: { '200': { description: 'The presentation', content: { 'application/jwt': { schema: { type: 'string' } }, 'text/html': {} } }, ...problemResponses(404, 410) },
    },
  },
  '/v1/presentations/requests': {
    post: {
      summary: "Read a verifier's OpenID4VP request for display, with the credentials that fit it",
      security: secured,
      requestBody: body({ type: 'object', required: ['requestUri'], properties: { requestUri: { type: 'string', description: 'openid4vp://?client_id=…&request_uri=…' } } }),
      responses: {
        '200': ok('The request', {
          type: 'object',
          properties: {
            clientId: { type: 'string' },
            clientName: { type: ['string', 'null'] },
            purpose: { oneOf: [localizedText, { type: 'null' }] },
            policy: { type: ['object', 'null'] },
            responseUri: { type: 'string' },
            expiresAt: { type: ['string', 'null'] },
            matchingCredentials: { type: 'array', items: ref('Credential') },
            disclosure: {
              description:
                "When the verifier asks who the volunteer is (a DCQL query for an SD-JWT VC): exactly what will be disclosed, with the values, to whom the answer goes (responseUri), and from which credential; `missing` names what no credential carries (then the request cannot be answered). Null when not asked",
              oneOf: [
                { type: 'null' },
                {
                  type: 'object',
                  properties: {
                    queryId: { type: 'string' },
                    claims: { type: 'array', items: { type: 'object', properties: { claim: { enum: ['name', 'iin'] }, value: { type: 'string' } } } },
                    credentialId: { type: ['string', 'null'] },
                    activityName: { oneOf: [localizedText, { type: 'null' }] },
                    missing: { type: 'array', items: { enum: ['name', 'iin'] } },
                  },
                },
              ],
            },
          },
        }),
        ...problemResponses(400, 401, 403, 410, 422, 502),
      },
    },
  },
  '/v1/presentations/respond': {
    post: {
      summary: "Answer a verifier's OpenID4VP request (direct_post) with the chosen credentials; when it asks for the identity, also the SD-JWT VC with only the asked disclosures and a Key Binding JWT for its nonce and client_id",
      security: secured,
      requestBody: body({ type: 'object', required: ['requestUri', 'credentialIds'], properties: { requestUri: { type: 'string' }, credentialIds: ids } }),
      responses: {
        '200': ok('The verifier took the answer', { type: 'object', properties: { verifierStatus: { type: 'integer' }, redirectUri: { type: ['string', 'null'] } } }),
        ...problemResponses(400, 401, 403, 404, 409, 410, 422, 502),
      },
    },
  },
  '/v1/passport.pdf': {
    get: {
      summary: 'The printable passport: a header with the volunteer\'s name, the QR of a share link the volunteer made with its explanation on page 1, the totals and the credentials as tables, date and page number on every page (creates nothing)',
      security: secured,
      parameters: [
        { name: 'lang', in: 'query', required: false, schema: { enum: ['kk', 'ru', 'en'] } },
        { name: 'shareId', in: 'query', required: false, schema: { type: 'string' }, description: 'The share whose link the QR opens; without it the newest live share, and with none the PDF has no QR' },
      ],
      responses: { '200': { description: 'PDF', content: { 'application/pdf': {} } }, ...problemResponses(400, 401, 404, 410) },
    },
  },
  '/v1/export': {
    get: {
      summary: 'Export the credentials as plain VC-JWTs (attachment)',
      security: secured,
      responses: {
        '200': ok('Export file', { type: 'object', properties: { type: { const: 'VolunteerPassportExport' }, version: { const: 1 }, holder: { type: 'string' }, exportedAt: { type: 'string' }, credentials: { type: 'array', items: { type: 'string' } } } }),
        ...problemResponses(401),
      },
    },
  },
  '/v1/import': {
    post: {
      summary: 'Import an export file or a JSON array of VC-JWTs; each credential is checked and answered on its own',
      security: secured,
      requestBody: body({ oneOf: [{ type: 'object', required: ['type', 'credentials'] }, { type: 'array', items: { type: 'string' } }] }),
      responses: {
        '200': ok('One result per credential', {
          type: 'object',
          properties: {
            imported: { type: 'integer' },
            refused: { type: 'integer' },
            results: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  index: { type: 'integer' },
                  id: { type: 'string' },
                  imported: { type: 'boolean' },
                  reason: { type: 'string' },
                  code: { enum: ['invalid_format', 'wrong_type', 'not_subject', 'bad_signature', 'issuer_unreachable', 'schema', 'duplicate'] },
                },
              },
            },
          },
        }),
        ...problemResponses(400, 401, 403, 413),
      },
    },
  },
  '/healthz': { get: { summary: 'Liveness', responses: { '200': ok('Serving', { type: 'object', properties: { status: { const: 'ok' } } }) } } },
};

/** The wallet's OpenAPI 3.1 document: every route, its inputs, and its problem-details errors. */
export function walletOpenApi(config: Config): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Volunteer Passport wallet',
      version: '1.0.0',
      description:
        'The volunteer\'s passport: accounts, OpenID4VCI claims, credentials with their status now, verified totals, share links, OpenID4VP answers, PDF, export and import. ' +
        'Authenticate with Authorization: Bearer <token> from POST /v1/sessions, or with the session cookie; writes authenticated by the cookie must come from the wallet’s own origin (Origin or Sec-Fetch-Site) and must not be a form media type, else 403 csrf (CSRF defence).',
    },
    servers: [{ url: config.walletUrl }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The token of POST /v1/sessions' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'passport_session' },
      },
      schemas,
    },
    paths,
  };
}
