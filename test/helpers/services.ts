import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnWatched } from '../../shared/service/parent-watch.ts';
import { databaseUrlFor, dropDatabaseFor } from './database.ts';

export type ServiceName = 'issuer' | 'wallet' | 'verifier';

export interface StartedService {
  name: ServiceName;
  url: string;
  port: number;
  dataDir: string;
  /** The PostgreSQL database it stores its data in (its schema named after the service); undefined on SQLite. */
  databaseUrl: string | undefined;
  /** What the process printed, for assertions on logs (no secrets may appear there). */
  output(): string;
  /** The process id of the service (with WORKERS, its workers are its children). */
  pid(): number;
  stop(): Promise<void>;
  /** Stops and starts the process again on the same port and data: state must survive. */
  restart(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Every process a test started and has not seen exit. Each is the leader of its own process
 * group, so killing the group also kills what it forked (cluster workers). Three safety nets keep
 * a failed or timed-out test from leaving services holding ports: `stop()` in afterAll, this
 * process's 'exit' hook below, and the pipe each service watches (shared/service/parent-watch.ts),
 * which closes even when the test runner is killed outright.
 */
const running = new Set<ChildProcess>();

/** Sends `signal` to the process group `child` leads; a group already gone is no error. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/** Registers a started process for the exit hook until it exits. */
export function track(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
}

process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

/** A free loopback port, found by binding port 0 and releasing it. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function tempDataDir(prefix = 'passport-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface StartOptions {
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
}

/**
 * Starts a real service as a child process (`tsx {name}/main.ts`) on a free port with its own
 * temporary `DATA_DIR`, and waits for `/healthz`. Other services' URLs go in `env`. In the
 * `postgres` test project the service also gets a `DATABASE_URL`: one fresh database per data
 * directory, dropped with it (a `DATABASE_URL` given in `env` is used as it is).
 *
 * @example
 * const issuer = await startService('issuer', { env: { PASSPORT_ADMIN_TOKEN: 'admin-test-token' } });
 * afterAll(() => issuer.stop());
 */
export async function startService(name: ServiceName, options: StartOptions = {}): Promise<StartedService> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? tempDataDir(`passport-${name}-`);
  const url = `http://localhost:${port}`;
  const upper = name.toUpperCase();
  const databaseUrl = options.env?.DATABASE_URL ?? (await databaseUrlFor(dataDir));
  const env: Record<string, string> = {
    ...process.env as Record<string, string>,
    DATA_DIR: dataDir,
    [`${upper}_PORT`]: String(port),
    [`${upper}_URL`]: url,
    DID_WEB_HTTP_HOSTS: 'localhost,127.0.0.1',
    LOG_LEVEL: 'info',
    WRITE_RATE_LIMIT: '100000',
    ...options.env,
  };
  // A DATABASE_URL in the developer's environment must not turn the SQLite run into a PostgreSQL one.
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  let log = '';
  let child: ChildProcess;

  const launch = async () => {
    child = spawnWatched(join(ROOT, name, 'main.ts'), { cwd: ROOT, env, stdout: 'pipe', stderr: 'pipe', detached: true });
    track(child);
    child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    try {
      await waitForHealth(url, child, () => log);
    } catch (err) {
      killGroup(child, 'SIGKILL');
      throw err;
    }
  };
  await launch();

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return killGroup(child, 'SIGKILL');
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    // Whatever it forked and left behind goes with it.
    killGroup(child, 'SIGKILL');
  };

  return {
    name,
    url,
    port,
    dataDir,
    databaseUrl,
    output: () => log,
    pid: () => child.pid!,
    stop: async () => {
      await stop();
      if (!options.dataDir && !process.env.KEEP_TEST_DATA) {
        rmSync(dataDir, { recursive: true, force: true });
        await dropDatabaseFor(dataDir);
      }
    },
    restart: async () => {
      await stop();
      await launch();
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited with ${child.exitCode} before it was healthy:\n${log()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} was not healthy within 60 s:\n${log()}`);
}
