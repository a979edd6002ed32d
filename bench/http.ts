import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createDidResolver, findVerificationKey } from '../shared/did/index.ts';
import { decodeJwtParts } from '../shared/jwt/index.ts';
import { createGuardedFetch } from '../shared/net/index.ts';
import { startService } from '../test/helpers/services.ts';
import { SERVICE_ENV, type Fixtures } from './fixtures.ts';
import { load, sampleMemory, type LoadResult } from './load.ts';

export const CONNECTIONS = 32;

/** The bare `node:http` server's rate for the same JWT, with the same load generator. */
export async function bareServer(jwt: string, seconds: number, pinTo?: string): Promise<LoadResult> {
  const { header } = decodeJwtParts(jwt);
  const dids = createDidResolver({ fetch: createGuardedFetch({ httpHosts: ['localhost'] }), httpHosts: ['localhost'] });
  const key = findVerificationKey(await dids.resolveDocument(String(header.kid).split('#')[0]!), String(header.kid), 'assertionMethod').key;
  const child = spawn(process.execPath, [join(import.meta.dirname, 'bare-server.mjs'), JSON.stringify(key.export({ format: 'jwk' }))], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const [line] = (await once(child.stdout!, 'data')) as [Buffer];
    const port = /listening (\d+)/.exec(line.toString())?.[1];
    if (!port) throw new Error(`the bare server said ${line.toString()}`);
    const url = `http://127.0.0.1:${port}/`;
    await load({ url, body: JSON.stringify({ jwt }), connections: CONNECTIONS, seconds: 1, pinTo });
    return await load({ url, body: JSON.stringify({ jwt }), connections: CONNECTIONS, seconds, pinTo });
  } finally {
    child.stdin!.end();
    child.kill();
  }
}

export interface ServiceLoad extends LoadResult {
  peakMb: number;
}

/** `POST /v1/verify` of `jwt` on a verifier service with `workers` workers, caches warmed first. */
export async function verifierService(fixtures: Fixtures, jwt: string, workers: number, seconds: number, pinTo?: string): Promise<ServiceLoad> {
  const verifier = await startService('verifier', {
    dataDir: fixtures.dataDir,
    env: { ...SERVICE_ENV, WORKERS: String(workers), ISSUER_URL: fixtures.issuer.url, VERIFIER_CACHE_SECONDS: '3600' },
  });
  try {
    const url = `${verifier.url.replace('localhost', '127.0.0.1')}/v1/verify`;
    for (let i = 0; i < 20 * workers; i++) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jwt }) });
      const result = (await res.json()) as { verified?: boolean };
      if (!result.verified) throw new Error(`the benchmark credential did not verify: ${JSON.stringify(result).slice(0, 2000)}`);
    }
    await load({ url, body: JSON.stringify({ jwt }), connections: CONNECTIONS, seconds: 1, pinTo });
    const memory = sampleMemory(verifier.pid());
    const result = await load({ url, body: JSON.stringify({ jwt }), connections: CONNECTIONS, seconds, pinTo });
    return { ...result, peakMb: memory.stop() };
  } finally {
    await verifier.stop();
  }
}
