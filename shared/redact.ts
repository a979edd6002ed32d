/**
 * Takes bearer secrets out of text that may be logged: in every URL or absolute path of `text`,
 * the query string (and fragment) becomes `?[redacted]` and each path segment that looks like a
 * token becomes `[redacted]`. Share links (`/p/{token}`), credential offers
 * (`/oid4vci/offers/{token}`, `?credential_offer_uri=…`) and request ids are bearer links:
 * whoever reads them in a log could use them.
 *
 * A segment looks like a token when it is at least 16 characters of the base64url alphabet and
 * has a digit, a capital or an underscore: our tokens (24 random bytes, base64url) and UUIDs
 * always do; route words (`verifiable-credentials`, `did.json`) never do.
 *
 * @example
 * redactSecrets('Fetching http://w.kz/p/Xk3…9a?x=1 failed') // 'Fetching http://w.kz/p/[redacted]?[redacted] failed'
 */
export function redactSecrets(text: string): string {
  return text.replace(URL_OR_PATH, (match) => {
    const cut = match.search(/[?#]/);
    const path = cut < 0 ? match : match.slice(0, cut);
    const redactedPath = path.replace(SEGMENT, (segment) => (looksLikeToken(segment) ? '[redacted]' : segment));
    return cut < 0 || cut === match.length - 1 ? redactedPath + match.slice(path.length) : `${redactedPath}?[redacted]`;
  });
}

/** A URL with a scheme (`https://…`, `openid-credential-offer://?…`), or an absolute path. */
const URL_OR_PATH = /(?:\b[a-z][a-z0-9+.-]*:\/\/|(?<![\w.~%-])\/)[^\s"'<>`]*/gi;
const SEGMENT = /[^/]+/g;

function looksLikeToken(segment: string): boolean {
  const bare = segment.replace(/[):,;]+$/, '');
  return bare.length >= 16 && /^[A-Za-z0-9_-]+$/.test(bare) && /[0-9A-Z_]/.test(bare);
}
