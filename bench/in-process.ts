import { verify } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../shared/config.ts';
import { createDidResolver, findVerificationKey } from '../shared/did/index.ts';
import { decodeJwtParts } from '../shared/jwt/index.ts';
import { createGuardedFetch } from '../shared/net/index.ts';
import { createTokenStatusListSource } from '../shared/status-list/index.ts';
import { createStatusListSource } from '../verifier/sources/status-lists.ts';
import { createTrustListSource } from '../verifier/sources/trust-list.ts';
import { createVerifier, type Verifier } from '../verifier/verification/verifier.ts';
import type { Fixtures } from './fixtures.ts';
import { SERVICE_ENV } from './fixtures.ts';

/**
 * The in-process figures: the verifier's own code (all checks, caches warm) against Node's
 * `crypto.verify` of one Ed25519 signature over the same JWT with a key already imported.
 */
export interface InProcessFigures {
  baselinePerSecond: number;
  credentialPerSecond: number;
  presentationPerSecond: number;
  /** Signatures in the presentation: its own and one per credential. */
  presentationSignatures: number;
}

export async function inProcessFigures(fixtures: Fixtures, ops: number): Promise<InProcessFigures> {
  const verifier = inProcessVerifier(fixtures.issuer.url);
  const credential = fixtures.credentials[0]!;
  const first = await verifier.verifyJwt(credential);
  const vp = await verifier.verifyJwt(fixtures.presentation);
  if (!first.verified || !vp.verified) throw new Error(`the benchmark fixtures did not verify: ${JSON.stringify(first.verified ? vp : first).slice(0, 2000)}`);

  const { header } = decodeJwtParts(credential);
  const dids = createDidResolver({ fetch: createGuardedFetch({ httpHosts: ['localhost'] }), httpHosts: ['localhost'] });
  const issuerDid = String(header.kid).split('#')[0]!;
  const key = findVerificationKey(await dids.resolveDocument(issuerDid), String(header.kid), 'assertionMethod').key;
  const dot = credential.lastIndexOf('.');
  const baseline = () => {
    if (!verify(null, Buffer.from(credential.slice(0, dot)), key, Buffer.from(credential.slice(dot + 1), 'base64url'))) throw new Error('baseline signature failed');
  };
  return {
    baselinePerSecond: await rate(async () => baseline(), ops),
    credentialPerSecond: await rate(async () => void (await verifier.verifyJwt(credential)), ops),
    presentationPerSecond: await rate(async () => void (await verifier.verifyJwt(fixtures.presentation)), Math.ceil(ops / 5)),
    presentationSignatures: fixtures.credentials.length + 1,
  };
}

/** The verifier as `verifier/app.ts` builds it, with the issuer's sources cached for an hour. */
export function inProcessVerifier(issuerUrl: string): Verifier {
  const config = loadConfig({ ...SERVICE_ENV, ISSUER_URL: issuerUrl, DID_WEB_HTTP_HOSTS: 'localhost,127.0.0.1', VERIFIER_CACHE_SECONDS: '3600', DATA_DIR: process.cwd() });
  const ttlMs = config.verifierCacheSeconds * 1000;
  const now = () => new Date();
  const fetch = createGuardedFetch({ httpHosts: config.didWebHttpHosts });
  const dids = createDidResolver({ fetch, httpHosts: config.didWebHttpHosts, cacheTtlMs: ttlMs, now: () => Date.now() });
  return createVerifier(
    {
      dids,
      trustLists: createTrustListSource({ url: config.trustListUrl, registryDid: config.registryDid, fetch, dids, ttlMs, now }),
      statusLists: createStatusListSource({ fetch, dids, maxAgeMs: ttlMs, now }),
      tokenStatusLists: createTokenStatusListSource({ fetch, dids, maxAgeMs: ttlMs, now }),
      clockSkewSeconds: config.verifierClockSkewSeconds,
      deadlineMs: config.verifyDeadlineSeconds * 1000,
      now,
    },
    fetch,
  );
}

/** Operations per second after a warm-up of a tenth as many. */
async function rate(run: () => Promise<void>, ops: number): Promise<number> {
  for (let i = 0; i < Math.ceil(ops / 10); i++) await run();
  const started = performance.now();
  for (let i = 0; i < ops; i++) await run();
  return ops / ((performance.now() - started) / 1000);
}
