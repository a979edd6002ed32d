import type { Config } from '../shared/config.ts';
import { CATEGORIES } from '../shared/credential/index.ts';
import { problemResponses, problemSchema } from '../shared/http/openapi.ts';
import { CHECK_IDS } from './checks/index.ts';

const json = (schema: unknown) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const schemas = {
  Problem: problemSchema,
  Check: {
    type: 'object',
    required: ['id', 'valid', 'outcome'],
    properties: {
      id: { enum: CHECK_IDS },
      valid: { type: 'boolean' },
      outcome: {
        enum: ['passed', 'failed', 'unavailable', 'not_applicable'],
        description: 'failed: made and does not hold; unavailable: could not be made (fails verification); not_applicable: nothing to judge',
      },
      error: { type: 'object', required: ['code', 'detail'], properties: { code: { type: 'string' }, detail: { type: 'string' } } },
      detail: { type: 'string' },
      credential: { type: 'string', description: 'In an aggregated log: the credential the entry is about' },
      bearer: {
        type: 'boolean',
        description:
          'holder_binding only: the presentation is signed by its subject but not for this verifier (a share link, or no nonce asked): anyone who has it can show it. ' +
          'holder_binding passes only for an answer to this verifier’s nonce (OpenID4VP, or the VC API challenge)',
      },
      advisory: {
        type: 'boolean',
        description: 'VC API only: reported but not counted toward verified (issuer_accredited of a credential that is not a VolunteerActivityCredential)',
      },
    },
  },
  CredentialReport: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      verified: { type: 'boolean' },
      securing: { enum: ['jwt_vc_json', 'vc+jwt'] },
      types: { type: 'array', items: { type: 'string' } },
      issuer: { type: 'object', properties: { did: { type: 'string' }, organization: { type: 'string' }, name: { type: 'object' }, region: { type: 'string' }, status: { type: 'string' } } },
      subject: { type: 'object', properties: { did: { type: 'string' }, name: { type: 'string' } } },
      activity: { type: 'object' },
      issuanceDate: { type: 'string', format: 'date-time' },
      expirationDate: { type: 'string', format: 'date-time' },
      checks: { type: 'array', items: ref('Check') },
      warnings: { type: 'array', items: ref('Warning') },
    },
  },
  Warning: { type: 'object', properties: { code: { type: 'string' }, detail: { type: 'string' }, credential: { type: 'string' } } },
  VerificationResult: {
    type: 'object',
    required: ['verified', 'kind', 'checks', 'credentials', 'totals', 'warnings'],
    properties: {
      verified: { type: 'boolean' },
      kind: { enum: ['credential', 'presentation'] },
      checks: { type: 'array', items: ref('Check') },
      credentials: { type: 'array', items: ref('CredentialReport') },
      totals: {
        type: 'object',
        properties: { hours: { type: 'number' }, credentials: { type: 'integer' }, byCategory: { type: 'object', additionalProperties: { type: 'number' } } },
        description: 'Counts only credentials that verified',
      },
      warnings: { type: 'array', items: ref('Warning') },
      holder: { type: 'object', properties: { did: { type: 'string' }, name: { type: 'string' } } },
      verifiedAt: { type: 'string', format: 'date-time' },
    },
  },
  VcApiFailure: {
    allOf: [
      ref('VerificationResult'),
      { type: 'object', properties: { problemDetails: { type: 'array', items: { type: 'object', properties: { type: { type: 'string' }, title: { type: 'string' }, detail: { type: 'string' }, code: { type: 'string' }, check: { type: 'string' } } } } } },
    ],
  },
  LocalizedText: { type: 'object', properties: { kk: { type: 'string' }, ru: { type: 'string' }, en: { type: 'string' } } },
};

const verifyBody = {
  oneOf: [
    { type: 'object', required: ['jwt'], properties: { jwt: { type: 'string', description: 'A VC-JWT, VP-JWT, vc+jwt or vp+jwt' } }, additionalProperties: false },
    { type: 'object', required: ['url'], properties: { url: { type: 'string', description: 'A share link; fetched with Accept: application/jwt' } }, additionalProperties: false },
  ],
};

const paths = {
  '/v1/verify': {
    post: {
      summary: 'Verify a credential, a presentation, or the presentation behind a share link',
      requestBody: { required: true, content: json(verifyBody) },
      responses: {
        '200': { description: 'The verification log, verified or not', content: json(ref('VerificationResult')) },
        ...problemResponses(400, 413, 422, 429, 502),
      },
    },
  },
  '/credentials/verify': {
    post: {
      summary: 'W3C VC API: verify a credential (VC-JWT or vc+jwt string, object with proof.jwt, or EnvelopedVerifiableCredential)',
      description:
        'Any well-formed credential is verified on signature, validity period and status. A VolunteerActivityCredential is verified only when its issuer was accredited; ' +
        'for other types issuer_accredited is reported with advisory: true (and a warning issuer_not_accredited when it did not hold). ' +
        'An EnvelopedVerifiableCredential needs an @context starting with https://www.w3.org/ns/credentials/v2, and its data:application/vc+jwt URL must carry a VC 2.0 payload (no vc claim): otherwise 400.',
      requestBody: { required: true, content: json({ type: 'object', required: ['verifiableCredential'], properties: { verifiableCredential: {}, options: { type: 'object' } } }) },
      responses: {
        '200': { description: 'Verified', content: json(ref('VerificationResult')) },
        '422': { description: 'Not verified', content: json(ref('VcApiFailure')) },
        ...problemResponses(400, 413, 429),
      },
    },
  },
  '/presentations/verify': {
    post: {
      summary: 'W3C VC API: verify a presentation, optionally against a challenge and domain',
      description: 'The registry’s trust is read as for /credentials/verify: it decides for VolunteerActivityCredentials only.',
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          required: ['verifiablePresentation'],
          properties: { verifiablePresentation: {}, options: { type: 'object', properties: { challenge: { type: 'string' }, domain: { type: 'string' } } } },
        }),
      },
      responses: {
        '200': { description: 'Verified', content: json(ref('VerificationResult')) },
        '422': { description: 'Not verified', content: json(ref('VcApiFailure')) },
        ...problemResponses(400, 413, 429),
      },
    },
  },
  '/v1/requests': {
    post: {
      summary: 'Create an OpenID4VP presentation request with a fresh single-use nonce',
      requestBody: {
        content: json({
          type: 'object',
          additionalProperties: false,
          properties: {
            purpose: { oneOf: [{ type: 'string' }, ref('LocalizedText')] },
            minHours: { type: 'number', exclusiveMinimum: 0 },
            categories: { type: 'array', items: { enum: CATEGORIES } },
            since: { type: 'string', format: 'date' },
            iin: {
              type: 'string',
              pattern: '^[0-9]{12}$',
              description:
                "The candidate's IIN (12 digits, valid check digit). The request then also asks (DCQL) for the SD-JWT VC with `name` and `iin` disclosed; the answer's IIN is compared into the `identity` check. Kept only as a salted keyed hash until the answer is judged; the result says only matched true/false",
            },
          },
        }),
      },
      responses: {
        '201': {
          description: 'Created',
          content: json({
            type: 'object',
            required: ['id', 'requestUri', 'qrUrl', 'expiresAt', 'readToken'],
            properties: {
              id: { type: 'string', description: 'Public: it is inside the QR' },
              requestUri: { type: 'string' },
              qrUrl: { type: 'string' },
              expiresAt: { type: 'string', format: 'date-time' },
              readToken: { type: 'string', description: 'The secret that reads GET /v1/requests/{id}; handed out once, stored only as a hash. Keep it in the requesting page (not in a logged URL).' },
            },
          }),
        },
        ...problemResponses(400, 413, 429),
      },
    },
  },
  '/v1/requests/{id}': {
    get: {
      summary: 'The state of a request, and the verification result once answered',
      description:
        'Needs Authorization: Bearer {readToken} from POST /v1/requests. A result is forgotten 10 minutes after it is first read; a request whose result was never read, one hour after it expired (then 404).',
      security: [{ readToken: [] }],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': {
          description: 'The request',
          content: json({
            type: 'object',
            properties: {
              status: { enum: ['pending', 'verified', 'failed', 'expired'] },
              asksIin: { type: 'boolean', description: 'Present (true) when the request asked for the IIN' },
              result: ref('VerificationResult'),
            },
          }),
        },
        ...problemResponses(401, 404),
      },
    },
  },
  '/v1/requests/{id}/qr.png': {
    get: { summary: 'The request URI as a QR code', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'PNG', content: { 'image/png': {} } }, ...problemResponses(404) } },
  },
  '/oid4vp/requests/{id}': {
    get: {
      summary: 'OpenID4VP request object (unsigned, client_id with the redirect_uri: prefix)',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'Request object', content: { 'application/oauth-authz-req+jwt': { schema: { type: 'string' } } } }, ...problemResponses(404, 410) },
    },
  },
  '/oid4vp/responses/{id}': {
    post: {
      summary: 'OpenID4VP direct_post response: state and vp_token ({"volunteer_activity": ["<vp-jwt>"]})',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: {
        required: true,
        content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', required: ['state', 'vp_token'], properties: { state: { type: 'string' }, vp_token: { type: 'string' } } } } },
      },
      responses: {
        '200': { description: 'Accepted; the result is at GET /v1/requests/{id}', content: json({ type: 'object' }) },
        '400': { description: 'Malformed or expired answer: { error: invalid_request, …problem details }' },
        '404': { description: 'No such request' },
        '409': { description: 'The request has already been answered' },
      },
    },
  },
  '/': { get: { summary: 'Scan page (camera, photo, paste) in kk, ru or en', responses: { '200': { description: 'HTML' } } } },
  '/verify': {
    get: {
      summary: 'Result page for a share link (what a phone camera opens from a passport QR)',
      parameters: [{ name: 'presentation', in: 'query', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'HTML' } },
    },
    post: { summary: 'Result page for a pasted link or JWT (form field "input")', responses: { '200': { description: 'HTML' } } },
  },
  '/requests/new': {
    get: { summary: 'Page to create a presentation request', responses: { '200': { description: 'HTML' } } },
    post: { summary: 'Creates a request from the form and opens its page', responses: { '303': { description: 'To /requests/{id}#read={readToken}' } } },
  },
  '/requests/{id}': {
    get: {
      summary: 'A request with its QR; its script reads the read token from the URL fragment (#read=…) and shows the answer on this screen only',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'HTML' } },
    },
  },
  '/requests/{id}/answer': {
    get: {
      summary: "The request's answer as an HTML fragment, for the request page's script",
      security: [{ readToken: [] }],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'HTML fragment' }, ...problemResponses(401, 404) },
    },
  },
  '/healthz': { get: { summary: 'Liveness', responses: { '200': { description: '{"status":"ok"}' } } } },
  '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
};

/** The verifier's OpenAPI 3.1 document: every route, its inputs, results and problem-details errors. */
export function verifierOpenApi(config: Config): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Volunteer Passport verifier',
      version: '1.0.0',
      description: 'Verifies volunteer credentials and presentations check by check; OpenID4VP 1.0 requests; W3C VC API verify routes.',
    },
    servers: [{ url: config.verifierUrl }],
    components: { schemas, securitySchemes: { readToken: { type: 'http', scheme: 'bearer', description: 'The readToken of a presentation request' } } },
    paths,
  };
}
