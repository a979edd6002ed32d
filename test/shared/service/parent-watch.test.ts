import { spawn } from 'node:child_process';
import { openSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { watchParent } from '../../../shared/service/parent-watch.ts';
import { freePort, killGroup, tempDataDir, track } from '../../helpers/services.ts';

/**
 * A service started with spawnWatched stops when the process that started it dies without
 * running any handler (SIGKILL, an out-of-memory kill): the pipe it watches closes.
 */
const dataDir = tempDataDir('passport-parent-watch-');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });
}

async function until(condition: () => Promise<boolean> | boolean, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** True once `pid` has exited (or is a zombie no one reaped). */
function exited(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  return !existsSync(stat) || /^\d+ \(.*\) Z/.test(readFileSync(stat, 'utf8'));
}

describe('watchParent', () => {
  it('stops a service within seconds of its starter being killed with SIGKILL', async () => {
    const port = await freePort();
    const starter = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'starter.ts'), String(port), dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    track(starter);
    try {
      let out = '';
      starter.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      expect(await until(() => /verifier \d+ ready/.test(out), 60_000)).toBe(true);
      const service = Number(/verifier (\d+) ready/.exec(out)![1]);
      expect(await listening(port)).toBe(true);
      process.kill(starter.pid!, 'SIGKILL');
      expect(await until(async () => !(await listening(port)), 5_000)).toBe(true);
      expect(await until(() => exited(service), 5_000)).toBe(true);
    } finally {
      killGroup(starter, 'SIGKILL');
    }
  }, 90_000);

  it('refuses a descriptor that is not a pipe', () => {
    const file = openSync(join(dataDir, 'not-a-pipe'), 'w');
    expect(() => watchParent(file, () => undefined)).toThrow(/not a pipe/);
  });
});
