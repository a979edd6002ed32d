import { problemResponses } from '../../shared/http/openapi.ts';

export const trustListOpenApiPaths: Record<string, unknown> = {
  '/v1/trust-list': {
    get: {
      summary: 'The trust list: a JWT (typ trust-list+jwt, EdDSA) signed by the registry DID key #key-1',
      description:
        'Payload: { iss (registry DID), iat, exp (iat + 24 h), version (grows with every accreditation, suspension, reinstatement, key revocation and new front office), ' +
        'organizations: [{ id, did, name, region, status, accreditations: [{ from, until }], revokedKeys?: [{ kid, from }] }], frontOffices: [{ id, region, name }] }. ' +
        'revokedKeys names keys reported compromised: what such a key signed at or after from is disowned. ' +
        'Cache-Control public, max-age=60; ETag and If-None-Match supported.',
      tags: ['registry'],
      responses: {
        '200': { description: 'The signed trust list', headers: { ETag: { schema: { type: 'string' } } }, content: { 'application/jwt': { schema: { type: 'string' } } } },
        '304': { description: 'Not modified (If-None-Match)' },
        ...problemResponses(500),
      },
    },
  },
};
