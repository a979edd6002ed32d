import { performance } from 'node:perf_hooks';
import { CredentialClaimer } from '../scripts/seed/claim.ts';
import { seededHolder } from '../scripts/seed/holder.ts';
import type { StartedService } from '../test/helpers/services.ts';
import { activity, post, type Fixtures } from './fixtures.ts';
import { residentMb } from './load.ts';

const CLAIMS_AT_ONCE = 16;
const ROWS_PER_BATCH = 10_000;

/**
 * OpenID4VCI claims per second over HTTP: offers recorded beforehand in batches, then claimed by
 * 16 wallets at once, each claim a token, a nonce and a credential request with a proof JWT (the
 * offer itself is also fetched by reference, as a wallet does).
 */
export async function claimsPerSecond(fixtures: Fixtures, claims: number): Promise<number> {
  const offers: string[] = [];
  for (let done = 0; done < claims; done += ROWS_PER_BATCH) {
    const rows = Array.from({ length: Math.min(ROWS_PER_BATCH, claims - done) }, (_, i) => activity(done + i, `Claim ${done + i}`));
    const results = (await post(fixtures.issuer, '/v1/activities/batch', fixtures.apiKey, rows)) as unknown as { offerUri?: string }[];
    for (const r of results) if (r.offerUri) offers.push(r.offerUri);
  }
  if (offers.length !== claims) throw new Error(`only ${offers.length} of ${claims} offers were recorded`);
  const claimer = new CredentialClaimer();
  const holders = Array.from({ length: CLAIMS_AT_ONCE }, (_, i) => seededHolder('bench-claims', i));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    holders.map(async (holder) => {
      for (let i = next++; i < offers.length; i = next++) await claimer.claim(offers[i]!, holder);
    }),
  );
  return claims / ((performance.now() - started) / 1000);
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
