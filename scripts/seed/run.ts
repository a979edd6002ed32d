import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { CredentialClaimer } from './claim.ts';
import { seededHolder } from './holder.ts';
import { HttpFailure, rateLimitWaits, request } from './http.ts';
import { organizationsByRegion, planOrganizations, planVolunteer, type PlannedActivity, type PlannedOrganization } from './plan.ts';
import { TaskPool } from './pool.ts';
import { SeedTally, type SeedTotals } from './tally.ts';

export interface SeedOptions {
  issuerUrl: string;
  adminToken: string;
  volunteers: number;
  organizations: number;
  seed: string;
  /** The last day activities may end on; the picture covers the twelve months up to it. */
  until: string;
  batchSize: number;
  concurrency: number;
  /** Where the organizations' API keys are kept (mode 0600), so a second run can continue. */
  keysFile: string;
  progressSeconds: number;
  log: (line: string) => void;
}

export interface SeedReport {
  seed: string;
  until: string;
  organizations: string[];
  totals: SeedTotals;
  failures: number;
  seconds: number;
}

interface BatchRow {
  row: number;
  id?: string;
  status?: string;
  offerUri?: string;
  error?: { field: string; detail: string };
}

const SHOWN_FAILURES = 5;

/**
 * Fills an issuer with a national picture through its public API only: accredits the
 * organizations with the registry token, records each organization's activities in batches with
 * its own API key, claims the credentials over OpenID4VCI with each volunteer's did:key, and
 * revokes a few. Idempotency keys make a second run with the same seed record nothing twice.
 */
export async function seedNationalPicture(options: SeedOptions): Promise<SeedReport> {
  const started = Date.now();
  const organizations = planOrganizations(options.seed, options.organizations);
  const keys = await accredit(options, organizations);
  const byRegion = organizationsByRegion(organizations);
  const tally = new SeedTally(options.volunteers);
  const pool = new TaskPool(options.concurrency);
  const claimer = new CredentialClaimer();
  const buffers = new Map<number, PlannedActivity[]>();
  let buffered = 0;
  let planned = 0;
  let shownFailures = 0;

  const fail = (what: string, err: unknown) => {
    tally.failures++;
    if (shownFailures++ < SHOWN_FAILURES) options.log(`  failed: ${what}: ${(err as Error).message}`);
  };

  const claimAndMaybeRevoke = async (row: PlannedActivity, activityId: string, offerUri: string | undefined) => {
    const hours = row.request.activity.hours;
    try {
      if (offerUri) {
        await claimer.claim(offerUri, seededHolder(options.seed, row.volunteer));
        tally.claimed(row.volunteer, hours);
      }
      if (row.revoke) {
        await request(`${options.issuerUrl}/v1/credentials/${activityId}/revoke`, { token: keys[row.organization]!, json: { reason: 'Recorded in error (seeded)' } });
        tally.revoked(row.volunteer, hours);
      }
    } catch (err) {
      fail(`activity ${activityId}`, err);
    }
  };

  const flush = async (organization: number) => {
    const rows = buffers.get(organization) ?? [];
    if (!rows.length) return;
    buffers.delete(organization);
    buffered -= rows.length;
    let results: BatchRow[];
    try {
      results = await request<BatchRow[]>(`${options.issuerUrl}/v1/activities/batch`, { token: keys[organization]!, json: rows.map((r) => r.request) });
    } catch (err) {
      fail(`batch of ${rows.length} for ${organizations[organization]!.id}`, err);
      return;
    }
    for (const result of results) {
      const row = rows[result.row - 1]!;
      if (result.error || !result.id) {
        fail(`row ${result.row} of ${organizations[organization]!.id}`, new Error(result.error ? `${result.error.field}: ${result.error.detail}` : 'no id'));
        continue;
      }
      if (result.status === 'withdrawn') continue;
      tally.recorded(organization);
      if (result.status === 'claimed' || result.status === 'revoked') {
        // Claimed in an earlier run of the same seed: count it, and finish a revocation it may have missed.
        tally.claimed(row.volunteer, row.request.activity.hours);
        if (result.status === 'revoked') tally.revoked(row.volunteer, row.request.activity.hours);
        else if (row.revoke) await pool.add(() => claimAndMaybeRevoke(row, result.id!, undefined));
        continue;
      }
      if (row.claim && result.offerUri) await pool.add(() => claimAndMaybeRevoke(row, result.id!, result.offerUri));
    }
  };

  let hinted = false;
  const progress = setInterval(() => {
    const seconds = (Date.now() - started) / 1000;
    const waits = rateLimitWaits();
    options.log(
      `seed: volunteers ${fmt(planned)}/${fmt(options.volunteers)} · activities ${fmt(tally.activities)} recorded · ` +
        `${fmt(tally.credentialsClaimed)} claimed (${fmt(Math.round(tally.credentialsClaimed / seconds))}/s) · ${fmt(tally.credentialsRevoked)} revoked · ${Math.round(seconds)} s` +
        (waits ? ` · ${fmt(waits)} rate-limit waits` : ''),
    );
    if (waits && !hinted) {
      hinted = true;
      options.log(
        'seed: the issuer limits writes per client (WRITE_RATE_LIMIT, 600 a minute by default) and each claim takes three; ' +
          'for a large seed run it on an issuer started with a higher WRITE_RATE_LIMIT, or stop that issuer and let the seed start its own',
      );
    }
  }, options.progressSeconds * 1000);
  try {
    for (let v = 0; v < options.volunteers; v++) {
      for (const activity of planVolunteer(options.seed, v, organizations, byRegion, options.until)) {
        const rows = buffers.get(activity.organization) ?? [];
        rows.push(activity);
        buffers.set(activity.organization, rows);
        buffered++;
        if (rows.length >= options.batchSize) await flush(activity.organization);
      }
      planned = v + 1;
      // Many organizations each holding a part-filled batch: send the fullest to bound memory.
      while (buffered >= options.batchSize * 4) await flush(fullest(buffers));
    }
    for (const organization of [...buffers.keys()]) await flush(organization);
    await pool.drain();
  } finally {
    clearInterval(progress);
  }
  return {
    seed: options.seed,
    until: options.until,
    organizations: organizations.map((o) => o.id),
    totals: tally.totals(),
    failures: tally.failures,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

/** Accredits each organization, or finds its key from an earlier run of the same seed. */
async function accredit(options: SeedOptions, organizations: readonly PlannedOrganization[]): Promise<string[]> {
  const kept: Record<string, string> = existsSync(options.keysFile) ? (JSON.parse(readFileSync(options.keysFile, 'utf8')) as { apiKeys: Record<string, string> }).apiKeys : {};
  const keys: string[] = [];
  for (const org of organizations) {
    if (kept[org.id]) {
      keys.push(kept[org.id]!);
      continue;
    }
    try {
      const created = await request<{ apiKey: string }>(`${options.issuerUrl}/v1/organizations`, {
        token: options.adminToken,
        json: { id: org.id, name: org.name, region: org.region },
      });
      kept[org.id] = created.apiKey;
      keys.push(created.apiKey);
      writeFileSync(options.keysFile, JSON.stringify({ issuer: options.issuerUrl, apiKeys: kept }, null, 2), { mode: 0o600 });
      chmodSync(options.keysFile, 0o600);
    } catch (err) {
      if (err instanceof HttpFailure && err.status === 409) {
        throw new Error(`Organization ${org.id} already exists and its API key is not in ${options.keysFile}: run with another --seed`);
      }
      throw err;
    }
  }
  options.log(`seed: ${organizations.length} organizations ready (their API keys are in ${options.keysFile})`);
  return keys;
}

function fullest(buffers: Map<number, PlannedActivity[]>): number {
  let best = -1;
  let size = -1;
  for (const [organization, rows] of buffers) if (rows.length > size) (best = organization), (size = rows.length);
  return best;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
