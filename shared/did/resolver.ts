import { Resolver, type DIDDocument, type DIDResolutionResult } from 'did-resolver';
import { LruCache } from '../crypto/lru.ts';
import { PassportError } from '../errors.ts';
import type { GuardedFetch } from '../net/index.ts';
import { didKeyDocument } from './key.ts';
import { MAX_DID_DOCUMENT_BYTES, fetchDidWebDocument } from './web.ts';

export interface DidResolverOptions {
  fetch: GuardedFetch;
  httpHosts: readonly string[];
  /** How long a fetched did:web document is trusted without fetching again. */
  cacheTtlMs?: number;
  maxCached?: number;
  /** Bytes of documents the cache holds at most (16 MiB by default). */
  maxCachedBytes?: number;
  now?: () => number;
}

/**
 * DID resolution for did:key (computed) and did:web (fetched through the guarded fetch, with the
 * document's `id` checked). `resolver` is a did-resolver 4.x `Resolver` for Veramo and did-jwt;
 * `resolveDocument` is the short form the services use, throwing a `PassportError`.
 *
 * @example
 * const dids = createDidResolver({ fetch, httpHosts: config.didWebHttpHosts });
 * const doc = await dids.resolveDocument('did:web:example.kz:orgs:eco');
 */
export interface DidResolver {
  resolver: Resolver;
  resolveDocument(did: string): Promise<DIDDocument>;
  /** Drops a cached document, e.g. after a signature failed with a key that may have rotated. */
  forget(did: string): void;
}

export function createDidResolver(options: DidResolverOptions): DidResolver {
  const cache = new LruCache<string, Promise<DIDDocument>>(
    options.maxCached ?? 10_000,
    options.cacheTtlMs ?? 5 * 60_000,
    options.now,
    options.maxCachedBytes ?? 16 * 1024 * 1024,
  );

  async function resolveDocument(did: string): Promise<DIDDocument> {
    const bare = did.split('#')[0]!;
    if (bare.startsWith('did:key:')) return didKeyDocument(bare);
    if (!bare.startsWith('did:web:')) throw new PassportError('invalid_request', `Unsupported DID method: ${bare.slice(0, 40)}`);
    const hit = cache.get(bare);
    if (hit) return hit;
    // The promise is cached, so concurrent requests for one DID share a single fetch.
    // While in flight it counts as the largest document; once in, as what it holds.
    const pending = fetchDidWebDocument(bare, options.fetch, options.httpHosts);
    cache.set(bare, pending, { bytes: MAX_DID_DOCUMENT_BYTES });
    pending.then(
      (doc) => {
        if (cache.get(bare) === pending) cache.set(bare, pending, { bytes: Buffer.byteLength(JSON.stringify(doc)) });
      },
      () => {
        if (cache.get(bare) === pending) cache.delete(bare);
      },
    );
    return pending;
  }

  const method = async (did: string): Promise<DIDResolutionResult> => {
    try {
      return { didResolutionMetadata: { contentType: 'application/did+json' }, didDocument: await resolveDocument(did), didDocumentMetadata: {} };
    } catch (err) {
      const code = err instanceof PassportError && err.code === 'invalid_request' ? 'invalidDid' : 'notFound';
      return { didResolutionMetadata: { error: code, message: (err as Error).message }, didDocument: null, didDocumentMetadata: {} };
    }
  };

  return {
    resolver: new Resolver({ key: (did) => method(did), web: (did) => method(did) }),
    resolveDocument,
    forget: (did) => cache.delete(did.split('#')[0]!),
  };
}
