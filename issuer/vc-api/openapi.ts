import { problemResponses } from '../../shared/http/openapi.ts';
import { bearer, jsonBody, jsonResponse } from '../issuance/openapi-schemas.ts';

const credential = {
  type: 'object',
  required: ['@context', 'type', 'issuer', 'credentialSubject'],
  description:
    'A VC Data Model 1.1 or 2.0 credential, chosen by its first @context item. issuer is required and must be the calling organization’s DID. ' +
    'credentialSubject is one object or (VC 2.0) a non-empty array of objects; a subject needs no id. Dates are XML Schema date-times with a time zone; ' +
    'VC 1.1 uses issuanceDate/expirationDate (issuanceDate not in the past), VC 2.0 validFrom/validUntil; no date more than 100 years ahead. ' +
    'No id is invented when none is given. credentialStatus, proof and members named like JWT claims (iss, sub, aud, exp, nbf, iat, jti, cnf, vc, vp) are refused (422). ' +
    'Nested at most 32 levels deep.',
  properties: {
    '@context': {
      oneOf: [
        { type: 'string', enum: ['https://www.w3.org/2018/credentials/v1', 'https://www.w3.org/ns/credentials/v2'] },
        { type: 'array', minItems: 1, items: { oneOf: [{ type: 'string', format: 'uri' }, { type: 'object' }] }, description: 'First item: https://www.w3.org/2018/credentials/v1 or https://www.w3.org/ns/credentials/v2' },
      ],
    },
    id: { type: 'string', format: 'uri' },
    type: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, contains: { const: 'VerifiableCredential' } }] },
    issuer: { oneOf: [{ type: 'string' }, { type: 'object', required: ['id'], properties: { id: { type: 'string' } } }] },
    credentialSubject: { oneOf: [{ type: 'object', minProperties: 1 }, { type: 'array', minItems: 1, items: { type: 'object', minProperties: 1 } }] },
    issuanceDate: { type: 'string', format: 'date-time' },
    expirationDate: { type: 'string', format: 'date-time' },
    validFrom: { type: 'string', format: 'date-time' },
    validUntil: { type: 'string', format: 'date-time' },
  },
};

const issued = {
  type: 'object',
  required: ['verifiableCredential'],
  properties: {
    verifiableCredential: {
      oneOf: [
        {
          type: 'object',
          title: 'VC 2.0: EnvelopedVerifiableCredential',
          required: ['@context', 'id', 'type'],
          properties: {
            '@context': { const: 'https://www.w3.org/ns/credentials/v2' },
            id: { type: 'string', description: 'data:application/vc+jwt,<jwt>: a vc+jwt (VC-JOSE-COSE) whose payload is the credential, with iss, iat and jti/sub/nbf/exp derived from it' },
            type: { const: 'EnvelopedVerifiableCredential' },
          },
        },
        { type: 'object', title: 'VC 1.1', description: 'The credential with its credentialStatus and proof { type: JwtProof2020, jwt } (a VC-JWT)' },
      ],
    },
  },
};

export const vcApiOpenApiPaths = {
  '/credentials/issue': {
    post: {
      summary: 'W3C VC API issue: VC 2.0 as an enveloped vc+jwt, VC 1.1 as a VC-JWT, each with a status entry of the organization',
      description:
        'A credential issued without an id is revoked by its status entry id (credentialStatus.id) through POST /v1/credentials/{id}/revoke. See docs/vc-api.md.',
      tags: ['vc-api'],
      security: bearer,
      requestBody: jsonBody({ type: 'object', required: ['credential'], additionalProperties: false, properties: { credential, options: { type: 'object' } } }),
      responses: { '201': jsonResponse('Issued', issued), ...problemResponses(400, 401, 403, 409, 422, 429) },
    },
  },
};
