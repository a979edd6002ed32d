import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { PassportError } from '../errors.ts';
import { redactSecrets } from '../redact.ts';
import { isForbiddenAddress } from './address.ts';

export interface GuardedFetchOptions {
  /** Hosts (`localhost`, `127.0.0.1`, with or without a port) allowed over http and on any address. */
  httpHosts: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
  /** DNS lookup; tests pass one that maps names to chosen addresses. */
  lookup?: (host: string) => Promise<{ address: string; family: number }[]>;
}

export interface GuardedResponse {
  status: number;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  text(): string;
  json<T = unknown>(): T;
}

export interface GuardedRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** The most bytes taken for this response, instead of the fetch's own `maxBytes` (a DID document, a status list, the trust list each have their bound). */
  maxBytes?: number;
}

export type GuardedFetch = (url: string, request?: GuardedRequest) => Promise<GuardedResponse>;

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_MAX_BYTES = 1_048_576;

/**
 * The only way the services fetch a URL that came from outside (a did:web host, a status list,
 * a share link, an offer's issuer, a verifier's request). Refuses, before any connection:
 * non-https URLs and credentials in URLs unless the host is allowed; names that resolve to a
 * loopback, private, link-local or metadata address. The connection is pinned to the address that
 * was checked, so DNS cannot change its answer in between. Redirects are not followed; responses
 * are cut at `maxBytes` and `timeoutMs`.
 *
 * Errors are `PassportError`s: `fetch_refused` (nothing was fetched) or `fetch_failed`. Their
 * messages name the URL with its tokens and query redacted (`redactSecrets`): they reach logs
 * and answers, and a share link or an offer is a bearer secret.
 *
 * @example
 * const fetch = createGuardedFetch({ httpHosts: config.didWebHttpHosts });
 * const doc = (await fetch('https://example.kz/.well-known/did.json')).json();
 */
export function createGuardedFetch(options: GuardedFetchOptions): GuardedFetch {
  const allowed = new Set(options.httpHosts.map((h) => h.toLowerCase()));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const resolveHost = options.lookup ?? ((host: string) => dnsLookup(host, { all: true, verbatim: true }));

  return async (rawUrl, request = {}) => {
    const url = parseUrl(rawUrl);
    const hostname = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const isAllowedHost = allowed.has(url.host.toLowerCase()) || allowed.has(hostname);
    if (url.username || url.password) refuse(rawUrl, 'URLs with credentials are not fetched');
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isAllowedHost)) {
      refuse(rawUrl, `only https is allowed for ${url.host} (plain http only for DID_WEB_HTTP_HOSTS)`);
    }
    const address = await pickAddress(hostname, isAllowedHost, resolveHost, rawUrl);
    return send(url, address, request, timeoutMs, request.maxBytes ?? maxBytes);
  };
}

function parseUrl(raw: string): URL {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    return url;
  } catch {
    throw new PassportError('fetch_refused', `Not an http(s) URL: ${truncate(raw)}`);
  }
}

async function pickAddress(
  hostname: string,
  isAllowedHost: boolean,
  resolveHost: NonNullable<GuardedFetchOptions['lookup']>,
  rawUrl: string,
): Promise<{ address: string; family: number }> {
  if (isIP(hostname)) {
    if (!isAllowedHost && isForbiddenAddress(hostname)) refuse(rawUrl, `${hostname} is a loopback, private, link-local or reserved address`);
    return { address: hostname, family: isIP(hostname) };
  }
  let addresses: { address: string; family: number }[];
  try {
    addresses = await resolveHost(hostname);
  } catch (cause) {
    throw new PassportError('fetch_failed', `The host ${hostname} could not be resolved`, { cause });
  }
  if (addresses.length === 0) throw new PassportError('fetch_failed', `The host ${hostname} has no address`);
  if (!isAllowedHost) {
    // Every answer must be public: a name that resolves to one public and one private address is refused.
    const bad = addresses.find((a) => isForbiddenAddress(a.address));
    if (bad) refuse(rawUrl, `${hostname} resolves to ${bad.address}, a loopback, private, link-local or reserved address`);
  }
  return addresses[0]!;
}

function send(
  url: URL,
  target: { address: string; family: number },
  request: GuardedRequest,
  timeoutMs: number,
  maxBytes: number,
): Promise<GuardedResponse> {
  const pinned: LookupFunction = (_host, opts, callback) => {
    if ((opts as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(err instanceof PassportError ? err : new PassportError('fetch_failed', redactSecrets(`Fetching ${url.href} failed: ${(err as Error).message}`), { cause: err }));
    };
    const req = client.request(
      url,
      {
        method: request.method ?? 'GET',
        headers: { 'user-agent': 'volunteer-passport', ...(request.headers ?? {}) },
        lookup: pinned,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) fail(new PassportError('fetch_failed', `The response from ${url.host} is larger than ${maxBytes} bytes`));
          else chunks.push(chunk);
        });
        res.on('error', fail);
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(deadline);
          const body = Buffer.concat(chunks);
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({
            status: res.statusCode ?? 0,
            url: url.href,
            headers,
            body,
            text: () => body.toString('utf8'),
            json: <T>() => {
              try {
                return JSON.parse(body.toString('utf8')) as T;
              } catch (cause) {
                throw new PassportError('fetch_failed', `The response from ${redactSecrets(url.href)} is not JSON`, { cause });
              }
            },
          });
        });
      },
    );
    // One deadline for the whole exchange, so a server that trickles bytes cannot hold us.
    const deadline = setTimeout(() => fail(new PassportError('fetch_failed', `${url.host} did not answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', (err) => {
      clearTimeout(deadline);
      fail(err);
    });
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

function refuse(url: string, why: string): never {
  throw new PassportError('fetch_refused', `Refused to fetch ${truncate(url)}: ${why}`);
}

function truncate(s: string): string {
  const safe = redactSecrets(s);
  return safe.length > 200 ? `${safe.slice(0, 200)}…` : safe;
}
