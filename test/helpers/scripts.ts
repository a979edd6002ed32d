import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the operator scripts (`scripts/{name}.ts`) as `npm run` would, with the given
 * arguments and environment on top of this process's (less DATA_DIR and DATABASE_URL, which the
 * test gives explicitly when it means to).
 */
export function runScript(name: string, args: string[], env: Record<string, string> = {}): Promise<ScriptRun> {
  const base = { ...(process.env as Record<string, string>) };
  delete base.DATA_DIR;
  delete base.DATABASE_URL;
  delete base.PASSPORT_SECRET;
  delete base.PASSPORT_ADMIN_TOKEN;
  return new Promise((done, fail) => {
    const child = spawn(TSX, [join(ROOT, 'scripts', `${name}.ts`), ...args], { cwd: ROOT, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', fail);
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}
