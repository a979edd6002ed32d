import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * HTTP load from `autocannon` in a process of its own (optionally pinned to one core with
 * `taskset`), so the load generator never shares the event loop of what it measures.
 */
export interface LoadResult {
  rps: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

export interface LoadOptions {
  url: string;
  body: string;
  connections: number;
  seconds: number;
  /** A CPU list for `taskset -c` (e.g. "0"): the load generator runs on those cores only. */
  pinTo?: string;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const args = [AUTOCANNON, '--json', '-c', String(options.connections), '-d', String(options.seconds), '-m', 'POST', '-H', 'content-type=application/json', '-b', options.body, options.url];
  const [command, argv] = options.pinTo ? ['taskset', ['-c', options.pinTo, process.execPath, ...args]] : [process.execPath, args];
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`autocannon exited ${code}: ${stderr.slice(-500)}`))));
  });
  const json = JSON.parse(out) as { requests: { average: number }; latency: { p99: number }; errors: number; timeouts: number; non2xx: number };
  return { rps: json.requests.average, p99Ms: json.latency.p99, errors: json.errors + json.timeouts, non2xx: json.non2xx };
}

/** Resident memory (MB) of a process and everything it forked (cluster workers), from /proc. */
export function residentMb(pid: number): number {
  let kb = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const child of readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) visit(Number(child));
    } catch {
      // The process ended between two reads.
    }
  };
  visit(pid);
  return kb / 1024;
}

/** Samples `residentMb(pid)` every 200 ms until stopped; returns the highest reading. */
export function sampleMemory(pid: number): { stop: () => number } {
  let peak = residentMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, residentMb(pid))), 200);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, residentMb(pid));
    },
  };
}
