import { createHash } from 'node:crypto';
import { signJwtWithAgent } from '../../shared/agent/index.ts';
import { LruCache } from '../../shared/crypto/index.ts';
import { TRUST_LIST_TYP } from '../../shared/trust/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { verificationMethodId } from '../registry/did-document.ts';
import type { WebIdentity } from '../registry/web-identities.ts';
import { buildTrustListPayload } from './build.ts';
import { trustListVersion } from './version.ts';

export interface SignedTrustList {
  jwt: string;
  version: number;
  etag: string;
}

export interface TrustListPublisher {
  /** The signed trust list of the database's current version. */
  current(): Promise<SignedTrustList>;
}

// Re-signed at least hourly, so a served list always has most of its 24 hours ahead of it.
const RESIGN_AFTER_MS = 60 * 60_000;

/**
 * Signs the trust list with the registry's key, once per version: the version is read from the
 * database on every call (one indexed query), so a change made through any instance shows at once,
 * while unchanged lists are served from a small cache instead of being signed again.
 */
export function createTrustListPublisher(deps: Pick<IssuerDeps, 'agent' | 'db' | 'now'>, registry: () => Promise<WebIdentity>): TrustListPublisher {
  const signed = new LruCache<number, Promise<SignedTrustList>>(4, RESIGN_AFTER_MS);

  async function sign(version: number): Promise<SignedTrustList> {
    const { did } = await registry();
    const payload = await buildTrustListPayload(deps.db, { iss: did, version, now: deps.now() });
    const jwt = await signJwtWithAgent(deps.agent, { did, kid: verificationMethodId(did) }, { ...payload }, { typ: TRUST_LIST_TYP });
    return { jwt, version, etag: `"${createHash('sha256').update(jwt).digest('base64url').slice(0, 32)}"` };
  }

  return {
    async current() {
      const version = await trustListVersion(deps.db);
      const hit = signed.get(version);
      if (hit) return hit;
      // The promise is cached, so a burst of requests after a change signs once.
      const pending = sign(version);
      signed.set(version, pending);
      pending.catch(() => signed.delete(version));
      return pending;
    },
  };
}
