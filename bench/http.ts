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

interface Target {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The bare `node:http` server (bench/bare-server.mjs) holding the key that signed `jwt`. */
async function startBare(jwt: string): Promise<Target> {
  const { header } = decodeJwtParts(jwt);
  const dids = createDidResolver({ fetch: createGuardedFetch({ httpHosts: ['localhost'] }), httpHosts: ['localhost'] });
  const key = findVerificationKey(await dids.resolveDocument(String(header.kid).split('#')[0]!), String(header.kid), 'assertionMethod').key;
  const child = spawn(process.execPath, [join(import.meta.dirname, 'bare-server.mjs'), JSON.stringify(key.export({ format: 'jwk' }))], { stdio: ['pipe', 'pipe', 'inherit'] });
  const stop = async () => {
    child.stdin!.end();
    child.kill();
  };
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const port = /listening (\d+)/.exec(line.toString())?.[1];
  if (!port) {
    await stop();
    throw new Error(`the bare server said ${line.toString()}`);
  }
  return { url: `http://127.0.0.1:${port}/`, pid: child.pid!, stop };
}

/** A verifier service started as in production, with `workers` workers, its caches warmed by real verifications. */
async function startVerifier(fixtures: Fixtures, jwt: string, workers: number): Promise<Target> {
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
    return { url, pid: verifier.pid(), stop: () => verifier.stop() };
  } catch (err) {
    await verifier.stop();
    throw err;
  }
}

export interface ServiceLoad extends LoadResult {
  peakMb: number;
}

/** Load on `target` after a second of warm-up, with the resident memory of its processes sampled meanwhile. */
async function measure(target: Target, jwt: string, seconds: number, pinTo?: string): Promise<ServiceLoad> {
  const body = JSON.stringify({ jwt });
  await load({ url: target.url, body, connections: CONNECTIONS, seconds: 1, pinTo });
  const memory = sampleMemory(target.pid);
  const result = await load({ url: target.url, body, connections: CONNECTIONS, seconds, pinTo });
  return { ...result, peakMb: memory.stop() };
}

/** The bare `node:http` server's rate for the same JWT, with the same load generator. */
export async function bareServer(jwt: string, seconds: number, pinTo?: string): Promise<LoadResult> {
  const bare = await startBare(jwt);
  try {
    return await measure(bare, jwt, seconds, pinTo);
  } finally {
    await bare.stop();
  }
}

/** `POST /v1/verify` of `jwt` on a verifier service with `workers` workers, caches warmed first. */
export async function verifierService(fixtures: Fixtures, jwt: string, workers: number, seconds: number, pinTo?: string): Promise<ServiceLoad> {
  const verifier = await startVerifier(fixtures, jwt, workers);
  try {
    return await measure(verifier, jwt, seconds, pinTo);
  } finally {
    await verifier.stop();
  }
}

export interface AlternatedFigure {
  /** The bare server: its median round. */
  bare: LoadResult;
  /** The verifier: its median round; memory at its highest over all rounds; errors of all rounds. */
  ours: ServiceLoad;
  /** Median of the rounds' ratios, each round's two loads run back to back. */
  ratio: number;
  ratios: number[];
}

/**
 * The bare server and the verifier (WORKERS=1), both started once and loaded in turn for
 * `rounds` rounds of `seconds` each: on a machine shared with other work (a cloud VM's
 * neighbours) the capacity drifts within a minute, and two loads run back to back see nearly the
 * same machine. The figure is the median of the rounds' ratios, so one disturbed round does not
 * make it.
 */
export async function alternated(fixtures: Fixtures, jwt: string, seconds: number, rounds: number): Promise<AlternatedFigure> {
  const bare = await startBare(jwt);
  let verifier: Target | undefined;
  try {
    verifier = await startVerifier(fixtures, jwt, 1);
    const pairs: { bare: LoadResult; ours: ServiceLoad }[] = [];
    for (let r = 0; r < rounds; r++) {
      // Which goes first alternates too, so neither always follows the other's load.
      if (r % 2 === 0) pairs.push({ bare: await measure(bare, jwt, seconds), ours: await measure(verifier, jwt, seconds) });
      else {
        const ours = await measure(verifier, jwt, seconds);
        pairs.push({ bare: await measure(bare, jwt, seconds), ours });
      }
    }
    const ratios = pairs.map((p) => p.ours.rps / p.bare.rps);
    const byRps = <T extends LoadResult>(list: T[]) => [...list].sort((a, b) => a.rps - b.rps)[Math.floor(list.length / 2)]!;
    const ours = byRps(pairs.map((p) => p.ours));
    return {
      bare: byRps(pairs.map((p) => p.bare)),
      ours: {
        ...ours,
        p99Ms: median(pairs.map((p) => p.ours.p99Ms)),
        errors: pairs.reduce((n, p) => n + p.ours.errors, 0),
        non2xx: pairs.reduce((n, p) => n + p.ours.non2xx, 0),
        peakMb: Math.max(...pairs.map((p) => p.ours.peakMb)),
      },
      ratio: median(ratios),
      ratios,
    };
  } finally {
    await verifier?.stop();
    await bare.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
