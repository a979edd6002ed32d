import type { DIDDocument } from 'did-resolver';
import { PassportError } from '../errors.ts';
import type { GuardedFetch } from '../net/index.ts';

/**
 * The largest DID document fetched: 64 KiB holds a hundred keys; ours hold one or two. A larger
 * answer is cut while it arrives and the DID does not resolve.
 */
export const MAX_DID_DOCUMENT_BYTES = 64 * 1024;

/**
 * The URL of a did:web's document (did:web method, section 3.2): `did:web:example.kz` →
 * `https://example.kz/.well-known/did.json`; `did:web:example.kz:orgs:eco` →
 * `https://example.kz/orgs/eco/did.json`. Hosts in `httpHosts` are fetched over plain http.
 */
export function didWebUrl(did: string, httpHosts: readonly string[]): string {
  const match = /^did:web:([^:#?/]+)((?::[^:#?/]+)*)$/.exec(did);
  if (!match) throw new PassportError('invalid_request', `Not a did:web: ${did.slice(0, 100)}`);
  const host = decodeURIComponent(match[1]!).toLowerCase();
  if (!/^[a-z0-9.\-\[\]:]+$/.test(host)) throw new PassportError('invalid_request', `The did:web host is not valid: ${host}`);
  const path = match[2] ? match[2].slice(1).split(':').map(decodeURIComponent) : [];
  if (path.some((p) => !p || p === '.' || p === '..' || p.includes('/'))) {
    throw new PassportError('invalid_request', 'The did:web path is not valid');
  }
  const hostname = host.replace(/:\d+$/, '');
  const plain = httpHosts.includes(host) || httpHosts.includes(hostname);
  const base = `${plain ? 'http' : 'https'}://${host}`;
  return path.length ? `${base}/${path.map(encodeURIComponent).join('/')}/did.json` : `${base}/.well-known/did.json`;
}

/** Fetches and checks a did:web document: JSON, an object, and its `id` equal to the DID asked for. */
export async function fetchDidWebDocument(did: string, fetch: GuardedFetch, httpHosts: readonly string[]): Promise<DIDDocument> {
  const url = didWebUrl(did, httpHosts);
  const res = await fetch(url, { headers: { accept: 'application/did+json, application/json' }, maxBytes: MAX_DID_DOCUMENT_BYTES });
  if (res.status !== 200) throw new PassportError('fetch_failed', `${url} answered ${res.status}`);
  const doc = res.json<DIDDocument>();
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new PassportError('fetch_failed', `${url} is not a DID document`);
  if (doc.id !== did) throw new PassportError('fetch_failed', `The DID document at ${url} names ${String(doc.id).slice(0, 100)}, not ${did}`);
  return doc;
}
