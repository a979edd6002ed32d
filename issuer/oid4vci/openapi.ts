import { jsonResponse, oauthErrors } from '../issuance/openapi-schemas.ts';

const anyObject = { type: 'object' };

/** OpenAPI 3.1 path items of the OpenID4VCI 1.0 routes (pre-authorized code flow). */
export const oid4vciOpenApiPaths: Record<string, unknown> = {
  '/.well-known/openid-credential-issuer': {
    get: { summary: 'Credential issuer metadata (OpenID4VCI 1.0, section 12.2)', tags: ['openid4vci'], responses: { '200': jsonResponse('Metadata', anyObject) } },
  },
  '/.well-known/oauth-authorization-server': {
    get: { summary: 'Authorization server metadata (RFC 8414): token endpoint, anonymous pre-authorized grant', tags: ['openid4vci'], responses: { '200': jsonResponse('Metadata', anyObject) } },
  },
  '/oid4vci/offers/{token}': {
    get: {
      summary: 'The credential offer behind an offer link. The link lives as long as the offer (90 days); each fetch mints a fresh pre-authorized code, single use, valid 10 minutes',
      tags: ['openid4vci'],
      parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': jsonResponse('Credential offer (Cache-Control: no-store)', {
          type: 'object',
          required: ['credential_issuer', 'credential_configuration_ids', 'grants'],
          properties: {
            credential_issuer: { type: 'string' },
            credential_configuration_ids: { type: 'array', items: { enum: ['VolunteerActivityCredential', 'VolunteerActivitySdJwt'] }, description: 'Both: the VC-JWT and the SD-JWT VC of the activity' },
            grants: { type: 'object', properties: { 'urn:ietf:params:oauth:grant-type:pre-authorized_code': { type: 'object', properties: { 'pre-authorized_code': { type: 'string' } } } } },
          },
        }),
        ...oauthErrors(403, 404, 410, 429),
      },
    },
  },
  '/oid4vci/token': {
    post: {
      summary: 'Token endpoint: trade a pre-authorized code (once) for an access token',
      tags: ['openid4vci'],
      requestBody: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': {
            schema: { type: 'object', required: ['grant_type', 'pre-authorized_code'], properties: { grant_type: { const: 'urn:ietf:params:oauth:grant-type:pre-authorized_code' }, 'pre-authorized_code': { type: 'string' } } },
          },
        },
      },
      responses: {
        '200': jsonResponse('Access token (Cache-Control: no-store)', {
          type: 'object',
          required: ['access_token', 'token_type', 'expires_in'],
          properties: { access_token: { type: 'string' }, token_type: { const: 'Bearer' }, expires_in: { type: 'integer' } },
        }),
        ...oauthErrors(400, 429),
      },
    },
  },
  '/oid4vci/nonce': {
    post: {
      summary: 'A fresh c_nonce for the proof of a credential request (single use, 5 minutes)',
      tags: ['openid4vci'],
      responses: { '200': jsonResponse('Nonce (Cache-Control: no-store)', { type: 'object', required: ['c_nonce'], properties: { c_nonce: { type: 'string' } } }), ...oauthErrors(429) },
    },
  },
  '/oid4vci/credential': {
    post: {
      summary:
        'Credential endpoint: one credential per configuration and access token: the VC-JWT (VolunteerActivityCredential, jwt_vc_json, bound to the did:key of the proof) and the SD-JWT VC (VolunteerActivitySdJwt, dc+sd-jwt, cnf.jwk of the proof\'s key, given as a did:key kid or a jwk header), in either order, both to the same key and sharing one status bit',
      tags: ['openid4vci'],
      security: [{ bearer: [] }],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['credential_configuration_id'],
              properties: {
                credential_configuration_id: { enum: ['VolunteerActivityCredential', 'VolunteerActivitySdJwt'] },
                proofs: { type: 'object', properties: { jwt: { type: 'array', minItems: 1, maxItems: 1, items: { type: 'string', description: 'typ openid4vci-proof+jwt, kid a did:key URL (or, for the SD-JWT VC, a jwk header with an Ed25519 key), aud the issuer, iat, nonce' } } } },
                proof: { type: 'object', description: 'Older shape, also accepted', properties: { proof_type: { const: 'jwt' }, jwt: { type: 'string' } } },
              },
            },
          },
        },
      },
      responses: {
        '200': jsonResponse('Credential', { type: 'object', properties: { credentials: { type: 'array', items: { type: 'object', properties: { credential: { type: 'string' } } } } } }),
        ...oauthErrors(400, 401, 403, 429),
      },
    },
  },
};
