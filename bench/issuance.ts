import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { StartedService } from '../test/helpers/services.ts';
import { activity, post, type Fixtures } from './fixtures.ts';
import { residentMb } from './load.ts';

const CLAIMS_AT_ONCE = 16;
const ROWS_PER_BATCH = 10_000;

/**
 * OpenID4VCI claims per second over HTTP: offers recorded beforehand in batches, then claimed by
 * 16 wallets at once (bench/claim-client.mjs, a process of its own, as autocannon is for the HTTP
 * figures), each claim the offer fetched by reference, a token, a nonce and a credential request
 * with a proof JWT.
 */
export async function claimsPerSecond(fixtures: Fixtures, claims: number): Promise<number> {
  const offers: string[] = [];
  for (let done = 0; done < claims; done += ROWS_PER_BATCH) {
    const rows = Array.from({ length: Math.min(ROWS_PER_BATCH, claims - done) }, (_, i) => activity(done + i, `Claim ${done + i}`));
    const results = (await post(fixtures.issuer, '/v1/activities/batch', fixtures.apiKey, rows)) as unknown as { offerUri?: string }[];
    for (const r of results) if (r.offerUri) offers.push(r.offerUri);
  }
  if (offers.length !== claims) throw new Error(`only ${offers.length} of ${claims} offers were recorded`);
  return warmClaims(fixtures.issuer.url, offers);
}

/**
 * The same claims, by the same wallets, against bench/floor-issuer.mjs: the least an issuer can do
 * per claim (no framework, no audit trail, no logs), so the table shows what the machine allows.
 */
export async function floorClaimsPerSecond(claims: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'passport-bench-floor-'));
  const child = spawn(process.execPath, [join(import.meta.dirname, 'floor-issuer.mjs'), join(dir, 'floor.db'), String(claims)], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    // It prints its port and its offers, then END, once it listens.
    const stdout = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (d: Buffer) => {
        text += d.toString();
        if (text.includes('\nEND\n')) resolve(text);
      });
      child.once('exit', (code) => reject(new Error(`the floor issuer exited ${code}`)));
    });
    const lines = stdout.split('\n');
    const url = `http://127.0.0.1:${/^listening (\d+)$/.exec(lines[0]!)![1]}`;
    return await warmClaims(url, lines.filter((line) => line.startsWith('openid-credential-offer://')));
  } finally {
    child.stdin.end();
    if (child.exitCode === null) await once(child, 'exit');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A few claims first, so the issuer's code is compiled and its caches warm, as for the HTTP figures; then the rest, timed. */
async function warmClaims(issuerUrl: string, offers: string[]): Promise<number> {
  const warmUp = Math.min(32, Math.floor(offers.length / 5));
  await claimOffers(issuerUrl, offers.slice(0, warmUp));
  const { seconds } = await claimOffers(issuerUrl, offers.slice(warmUp));
  return (offers.length - warmUp) / seconds;
}

async function claimOffers(issuerUrl: string, offers: string[]): Promise<{ claims: number; seconds: number }> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'claim-client.mjs'), issuerUrl, String(CLAIMS_AT_ONCE)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(offers.join('\n'));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`the claiming wallets exited ${code}: ${stderr.slice(-1000)}`);
  return JSON.parse(stdout) as { claims: number; seconds: number };
}

export interface BatchFigure {
  rows: number;
  seconds: number;
  /** The issuer's resident memory after the first batch and at its highest afterwards (MB). */
  firstMb: number;
  peakMb: number;
}

/** `rows` activities recorded through `POST /v1/activities/batch`, 10,000 a request, one after another. */
export async function batchRecorded(issuer: StartedService, apiKey: string, rows: number): Promise<BatchFigure> {
  let firstMb = 0;
  let peakMb = 0;
  const started = performance.now();
  for (let done = 0; done < rows; done += ROWS_PER_BATCH) {
    const batch = Array.from({ length: Math.min(ROWS_PER_BATCH, rows - done) }, (_, i) => activity(done + i, `Batch ${done + i}`));
    const results = (await post(issuer, '/v1/activities/batch', apiKey, batch)) as unknown as { error?: unknown }[];
    if (results.some((r) => r.error)) throw new Error('a batch row was refused');
    const mb = residentMb(issuer.pid());
    if (done === 0) firstMb = mb;
    peakMb = Math.max(peakMb, mb);
  }
  return { rows, seconds: (performance.now() - started) / 1000, firstMb, peakMb };
}
