import { join, resolve } from 'node:path';
import { spawnWatched } from '../../shared/service/parent-watch.ts';

export interface SeedTarget {
  url: string;
  /** True when the seed started this issuer itself (and stops it at the end). */
  started: boolean;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The issuer to seed: `--issuer URL` when given; otherwise the one already answering at
 * ISSUER_URL; otherwise one started here on the configured DATA_DIR and ISSUER_PORT, with the
 * same environment `npm start` gives it, stopped again when the seed ends.
 */
export async function seedTarget(options: { explicitUrl?: string; issuerUrl: string; env: Record<string, string>; log: (line: string) => void }): Promise<SeedTarget> {
  const nothingToStop = async () => undefined;
  if (options.explicitUrl) {
    if (!(await healthy(options.explicitUrl))) throw new Error(`No issuer answers at ${options.explicitUrl}/healthz`);
    return { url: options.explicitUrl, started: false, stop: nothingToStop };
  }
  if (await healthy(options.issuerUrl)) {
    options.log(`seed: using the issuer running at ${options.issuerUrl}`);
    return { url: options.issuerUrl, started: false, stop: nothingToStop };
  }
  options.log(`seed: starting an issuer at ${options.issuerUrl} on DATA_DIR ${options.env.DATA_DIR}`);
  // It watches a pipe from the seed: a seed killed outright leaves no issuer holding the port.
  const child = spawnWatched(join(ROOT, 'issuer/main.ts'), {
    cwd: ROOT,
    env: { ...options.env, LOG_LEVEL: options.env.LOG_LEVEL ?? 'warn' },
    stdout: 'ignore',
    stderr: 'inherit',
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 60_000;
  while (!(await healthy(options.issuerUrl))) {
    if (child.exitCode !== null) throw new Error(`The issuer exited with ${child.exitCode} before it was ready`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The issuer did not become ready at ${options.issuerUrl} within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url: options.issuerUrl, started: true, stop };
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`)).ok;
  } catch {
    return false;
  }
}
