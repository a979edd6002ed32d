/**
 * The sizes of `npm run bench` (full) and of `BENCH_SIZE=small` (the test suite's run, which
 * proves every row is measured without asserting any timing). Read from the argument list or
 * the environment (like the tests, the bench is tooling, not a service reading its configuration).
 */
export interface BenchSize {
  name: 'full' | 'small';
  /** Operations timed per in-process figure. */
  inProcessOps: number;
  /** Seconds of HTTP load per figure (per round, for the alternated figure). */
  httpSeconds: number;
  /** Rounds of the alternated bare-server and `POST /v1/verify` loads (bench/http.ts `alternated`). */
  httpRounds: number;
  /** Credentials claimed over OpenID4VCI. */
  claims: number;
  /** Rows recorded in the batch figure (in batches of 10,000 at most). */
  batchRows: number;
}

export function loadBenchSize(): BenchSize {
  const small = process.argv.includes('--small') || process.env.BENCH_SIZE === 'small';
  return small
    ? { name: 'small', inProcessOps: 200, httpSeconds: 1, httpRounds: 1, claims: 20, batchRows: 1_000 }
    : { name: 'full', inProcessOps: 5_000, httpSeconds: 6, httpRounds: 5, claims: 2_000, batchRows: 100_000 };
}

export const SIZE = loadBenchSize();
