/**
 * The addresses of one presentation request, as contracts.md fixes them. The client id uses the
 * `redirect_uri:` prefix (OpenID4VP 1.0, section 5.9.3): the verifier is named by where answers
 * go, so the request object is not signed.
 */
export interface RequestUrls {
  requestObjectUrl: string;
  responseUri: string;
  clientId: string;
  /** What the QR carries: `openid4vp://?client_id=…&request_uri=…`. */
  requestUri: string;
  qrUrl: string;
  pageUrl: string;
}

export function requestUrls(verifierUrl: string, id: string): RequestUrls {
  const responseUri = `${verifierUrl}/oid4vp/responses/${id}`;
  const requestObjectUrl = `${verifierUrl}/oid4vp/requests/${id}`;
  const clientId = `redirect_uri:${responseUri}`;
  return {
    requestObjectUrl,
    responseUri,
    clientId,
    requestUri: `openid4vp://?client_id=${encodeURIComponent(clientId)}&request_uri=${encodeURIComponent(requestObjectUrl)}`,
    qrUrl: `${verifierUrl}/v1/requests/${id}/qr.png`,
    pageUrl: `${verifierUrl}/requests/${id}`,
  };
}
