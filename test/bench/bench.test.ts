import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * `npm run bench` at its small size (BENCH_SIZE=small): every row of issue 11's table is
 * measured and written with the machine it ran on. Timings are never asserted: only that each
 * figure was produced, with its baseline, in the documented format.
 */
describe('npm run bench (BENCH_SIZE=small)', () => {
  it('prints one table with every figure and writes it, with the machine, to the output file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'passport-bench-test-')), 'BENCHMARKS.md');
    const { code, stdout, stderr } = await run(['--import', 'tsx', 'bench/run.ts', `--out=${out}`], { ...process.env, BENCH_SIZE: 'small' });
    expect(code, stderr.slice(-3000)).toBe(0);
    const written = readFileSync(out, 'utf8');
    for (const text of [stdout, written]) {
      expect(text).toContain('| figure | ours | baseline in the same run | ratio | target | met |');
      for (const row of [
        /\| one VC-JWT verified in process .* \| [\d,]+\/s \| [\d,]+\/s \(crypto\.verify, Ed25519\) \| \d+\.\d\d \| ≥ 0\.6 \| (yes|\*\*no\*\*) \|/,
        /\| one VP with 5 credentials, in process .* \| \d+\.\d\d \| ≥ 0\.5 \|/,
        /\| `POST \/v1\/verify` of one credential over HTTP, 32 connections .* p99 \d+ ms, \d+ errors, \d+ non-2xx \| [\d,]+\/s \(bare node:http/,
        /\| OpenID4VCI claims over HTTP .* \| [\d,]+\/s \| .* \| \d+\.\d\d \| ≥ 0\.25 \|/,
        /\| the floor of a claim: .* \| [\d,]+\/s \| .* \| \d+\.\d\d \(ours: \d+\.\d\d of the floor\) \| informational \| – \|/,
        /\| a 1,000-row batch recorded \(SQLite, .* \| \d+\.\d s; issuer \d+ MB/,
        /\| batch recorded on PostgreSQL \||\| a 1,000-row batch recorded \(PostgreSQL/,
        /\| verifier memory during the HTTP load .* \| \d+ MB \|/,
        /\| a second core: .* WORKERS=2 .* \| [\d,]+\/s .* \| [\d,]+\/s with WORKERS=1/,
      ]) {
        expect(text).toMatch(row);
      }
    }
    expect(written).toMatch(/^# Benchmarks/);
    expect(written).toMatch(/Machine: .+, \d+ cores, node v\d+\.\d+\.\d+, load average [\d.]+ \/ [\d.]+ .*\d{4}-\d\d-\d\dT/);
    expect(written).toContain('### What a second core gives');
    expect(written).toContain('## Last run (small)');
  }, 600_000);
});

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}
