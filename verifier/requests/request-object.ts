import { SD_JWT_VC_FORMAT } from '../../shared/sd-jwt-vc/index.ts';
import type { PresentationRequest } from './store.ts';
import { requestUrls } from './urls.ts';

export const REQUEST_OBJECT_TYPE = 'application/oauth-authz-req+jwt';

/** The DCQL query ids of an answer's `vp_token`: the activities, and the identity when asked. */
export const ACTIVITY_QUERY_ID = 'volunteer_activity';
export const IDENTITY_QUERY_ID = 'volunteer_identity';

/**
 * The OpenID4VP 1.0 request object of a request, as contracts.md fixes it: unsigned (`alg: none`,
 * empty signature part), because a `redirect_uri:` client id must not sign (section 5.9.3); the
 * wallet instead checks that `response_uri` is the URL named in `client_id`. A request that asks
 * for the IIN adds a second DCQL query: the SD-JWT VC of type `vct` with its `name` and `iin`
 * disclosed, which the wallet answers with a Key Binding JWT.
 */
export function requestObject(r: PresentationRequest, verifierUrl: string, clientName: string, vct: string): string {
  const urls = requestUrls(verifierUrl, r.id);
  const header = { alg: 'none', typ: 'oauth-authz-req+jwt' };
  const payload = {
    iss: urls.clientId,
    aud: 'https://self-issued.me/v2',
    response_type: 'vp_token',
    response_mode: 'direct_post',
    client_id: urls.clientId,
    response_uri: urls.responseUri,
    nonce: r.nonce,
    state: r.id,
    iat: Math.floor(Date.parse(r.createdAt) / 1000),
    exp: Math.floor(Date.parse(r.expiresAt) / 1000),
    dcql_query: {
      credentials: [
        {
          id: ACTIVITY_QUERY_ID,
          format: 'jwt_vc_json',
          multiple: true,
          meta: { type_values: [['VerifiableCredential', 'VolunteerActivityCredential']] },
        },
        ...(r.asksIin
          ? [{ id: IDENTITY_QUERY_ID, format: SD_JWT_VC_FORMAT, meta: { vct_values: [vct] }, claims: [{ id: 'name', path: ['name'] }, { id: 'iin', path: ['iin'] }] }]
          : []),
      ],
    },
    client_metadata: {
      client_name: clientName,
      vp_formats_supported: {
        jwt_vc_json: { alg_values: ['EdDSA', 'ES256'] },
        ...(r.asksIin ? { [SD_JWT_VC_FORMAT]: { 'sd-jwt_alg_values': ['EdDSA'], 'kb-jwt_alg_values': ['EdDSA'] } } : {}),
      },
    },
    purpose: r.purpose,
    ...(r.policy ? { policy: r.policy } : {}),
  };
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part(header)}.${part(payload)}.`;
}
