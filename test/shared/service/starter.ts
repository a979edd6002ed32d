/**
 * A process that starts the verifier as `npm start` starts each service (spawnWatched), says so,
 * and then only waits: the test kills it with SIGKILL, so it runs no handler at all.
 */
import { join, resolve } from 'node:path';
import { spawnWatched } from '../../../shared/service/parent-watch.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const port = process.argv[2]!;
const env: Record<string, string> = {};
for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
const child = spawnWatched(join(ROOT, 'verifier/main.ts'), {
  cwd: ROOT,
  env: { ...env, VERIFIER_PORT: port, VERIFIER_URL: `http://localhost:${port}`, DATA_DIR: process.argv[3]!, LOG_LEVEL: 'warn' },
  stdout: 'inherit',
  stderr: 'inherit',
});
for (;;) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 100));
}
console.log(`verifier ${child.pid} ready`);
setInterval(() => undefined, 60_000);
