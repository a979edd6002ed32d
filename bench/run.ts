import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { startService } from '../test/helpers/services.ts';
import { ADMIN, SERVICE_ENV, startFixtures, post } from './fixtures.ts';
import { alternated, bareServer, CONNECTIONS, verifierService } from './http.ts';
import { inProcessFigures } from './in-process.ts';
import { batchRecorded, claimsPerSecond, floorClaimsPerSecond, type BatchFigure } from './issuance.ts';
import { loadWarning, machine, markdownTable, perSecond, ratio, type Row } from './report.ts';
import { SIZE } from './size.ts';
import { BENCHMARKS_TEXT, coresText } from './text.ts';

/**
 * `npm run bench`: every figure of issue 11 with its baseline measured in the same run, printed
 * as one table and written to BENCHMARKS.md (or `--out=FILE`) with the machine it ran on.
 * `BENCH_SIZE=small` (or `--small`) runs every row briefly: the test suite's proof that it works.
 */
const out = resolve(process.argv.find((a) => a.startsWith('--out='))?.slice('--out='.length) ?? 'BENCHMARKS.md');
const databaseUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const started = machine();
const log = (what: string) => console.error(`[bench ${SIZE.name}] ${what}`);

log('starting the issuer and claiming the fixtures');
const fixtures = await startFixtures();
const rows: Row[] = [];
let cores = '';
try {
  log('in process');
  const inProcess = await inProcessFigures(fixtures, SIZE.inProcessOps);
  const sigBaseline = `${perSecond(inProcess.baselinePerSecond)} (crypto.verify, Ed25519)`;
  const vcRatio = inProcess.credentialPerSecond / inProcess.baselinePerSecond;
  rows.push({ figure: 'one VC-JWT verified in process (signature, accreditation, status, expiry; caches warm)', ours: perSecond(inProcess.credentialPerSecond), baseline: sigBaseline, ratio: vcRatio.toFixed(2), target: '≥ 0.6', met: vcRatio >= 0.6 });
  const vpSignatures = inProcess.presentationPerSecond * inProcess.presentationSignatures;
  const vpRatio = vpSignatures / inProcess.baselinePerSecond;
  rows.push({
    figure: `one VP with ${inProcess.presentationSignatures - 1} credentials, in process (per signature: ${inProcess.presentationSignatures} a VP)`,
    ours: `${perSecond(inProcess.presentationPerSecond)} VPs = ${perSecond(vpSignatures)} signatures`,
    baseline: sigBaseline,
    ratio: vpRatio.toFixed(2),
    target: '≥ 0.5',
    met: vpRatio >= 0.5,
  });

  const credential = fixtures.credentials[0]!;
  log(`HTTP: the bare server and POST /v1/verify (WORKERS=1), ${SIZE.httpRounds} alternated rounds`);
  const alternatedHttp = await alternated(fixtures, credential, SIZE.httpSeconds, SIZE.httpRounds);
  const { bare, ours: http, ratio: httpRatio } = alternatedHttp;
  const bareLabel = `${perSecond(bare.rps)} (bare node:http + 1 Ed25519 verify, p99 ${bare.p99Ms} ms)`;
  rows.push({
    figure: `\`POST /v1/verify\` of one credential over HTTP, ${CONNECTIONS} connections (autocannon, loopback; median of ${SIZE.httpRounds} alternated rounds)`,
    ours: `${perSecond(http.rps)}, p99 ${http.p99Ms} ms, ${http.errors} errors, ${http.non2xx} non-2xx`,
    baseline: bareLabel,
    ratio: `${httpRatio.toFixed(2)}${alternatedHttp.ratios.length > 1 ? ` (rounds: ${alternatedHttp.ratios.map((r) => r.toFixed(2)).join(', ')})` : ''}`,
    target: '≥ 0.5, p99 < 50 ms, no errors',
    met: httpRatio >= 0.5 && http.p99Ms < 50 && http.errors === 0 && http.non2xx === 0,
  });

  log('HTTP: OpenID4VCI claims');
  const claims = await claimsPerSecond(fixtures, SIZE.claims);
  rows.push({ figure: 'OpenID4VCI claims over HTTP (token + nonce + credential, offers fetched beforehand), 16 wallets at once', ours: perSecond(claims), baseline: bareLabel, ratio: ratio(claims, bare.rps), target: '≥ 0.25', met: claims / bare.rps >= 0.25 });
  log('HTTP: the same claims against the floor issuer');
  const floor = await floorClaimsPerSecond(SIZE.claims);
  rows.push({
    figure: 'the floor of a claim: the same wallets against bench/floor-issuer.mjs (node:http, SQLite, one proof verified and one credential signed; no framework, audit trail or logs)',
    ours: perSecond(floor),
    baseline: bareLabel,
    ratio: `${ratio(floor, bare.rps)} (ours: ${ratio(claims, floor)} of the floor)`,
    target: 'informational',
    met: undefined,
  });

  rows.push({ figure: 'verifier memory during the HTTP load (resident, all processes)', ours: `${Math.round(http.peakMb)} MB`, baseline: '', ratio: '–', target: '< 300 MB', met: http.peakMb < 300 });

  log('cores: load generator pinned to core 0 (taskset), WORKERS=1 then 2');
  const pinnedBare = await bareServer(credential, SIZE.httpSeconds, '0');
  const one = await verifierService(fixtures, credential, 1, SIZE.httpSeconds, '0');
  const two = await verifierService(fixtures, credential, 2, SIZE.httpSeconds, '0');
  rows.push({
    figure: 'a second core: `POST /v1/verify` with WORKERS=2 vs WORKERS=1, load generator pinned to core 0',
    ours: `${perSecond(two.rps)} (p99 ${two.p99Ms} ms)`,
    baseline: `${perSecond(one.rps)} with WORKERS=1 (p99 ${one.p99Ms} ms); bare server ${perSecond(pinnedBare.rps)}`,
    ratio: ratio(two.rps, one.rps),
    target: 'informational',
    met: undefined,
  });
  cores = coresText(one.rps, two.rps, pinnedBare.rps, availableParallelism());
  // Last: the batch grows the issuer's database, which no other figure should pay for.
  log(`batch of ${SIZE.batchRows} rows on SQLite`);
  rows.push(batchRow('SQLite', await batchRecorded(fixtures.issuer, fixtures.apiKey, SIZE.batchRows)));
  if (databaseUrl) {
    log(`batch of ${SIZE.batchRows} rows on PostgreSQL`);
    const issuer = await startService('issuer', { env: { ...SERVICE_ENV, DATABASE_URL: databaseUrl } });
    try {
      const org = await post(issuer, '/v1/organizations', ADMIN, { id: `bench-pg-${Date.now()}`, name: { en: 'Bench' }, region: 'KZ-71' });
      rows.push(batchRow('PostgreSQL', await batchRecorded(issuer, String(org.apiKey), SIZE.batchRows)));
    } finally {
      await issuer.stop();
    }
  } else {
    rows.push({ figure: 'batch recorded on PostgreSQL', ours: 'not run: no TEST_DATABASE_URL or DATABASE_URL given', baseline: '', ratio: '–', target: '< 30 s, memory flat', met: undefined });
  }
} finally {
  await fixtures.issuer.stop();
}

const table = markdownTable(rows);
console.log(`\nVolunteer Passport benchmarks (${SIZE.name}) on ${started}\n\n${table}\n`);
writeFileSync(out, `${BENCHMARKS_TEXT}\n## Last run (${SIZE.name})\n\nMachine: ${started}.\n\n${loadWarning()}${table}\n\n${cores}\n`);
log(`written to ${out}`);

function batchRow(backend: string, b: BatchFigure): Row {
  const flat = b.peakMb - b.firstMb < 100;
  return {
    figure: `a ${b.rows.toLocaleString('en-US')}-row batch recorded (${backend}, 10,000 rows a request)`,
    ours: `${b.seconds.toFixed(1)} s; issuer ${Math.round(b.firstMb)} MB after the first request, ${Math.round(b.peakMb)} MB at most`,
    baseline: '',
    ratio: '–',
    target: '< 30 s, memory flat (< 100 MB growth)',
    met: b.seconds < 30 && flat,
  };
}
