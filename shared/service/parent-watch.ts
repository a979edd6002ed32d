import { spawn, type ChildProcess } from 'node:child_process';
import { fstatSync } from 'node:fs';
import { Socket } from 'node:net';

/**
 * A service started by another process (`npm start`'s launcher, the seed, a test) stops when
 * that process is gone, however it went: killed with SIGKILL or by the out-of-memory killer, it
 * runs no handler, but the kernel closes every descriptor it held. So the starter hands each
 * child the read end of a pipe whose other end only the starter holds, and names its descriptor
 * in `PASSPORT_PARENT_PIPE_FD`; the child watches it and stops when it closes.
 */
export const PARENT_PIPE_ENV = 'PASSPORT_PARENT_PIPE_FD';
const PIPE_FD = 3;

export interface WatchedSpawnOptions {
  cwd: string;
  env: Record<string, string>;
  stdout: 'inherit' | 'pipe' | 'ignore';
  stderr: 'inherit' | 'pipe' | 'ignore';
  /** Its own process group, so that whoever started it can stop it with everything it forked. */
  detached?: boolean;
}

/**
 * Runs `script` (TypeScript, through tsx's loader in the same Node process: a `tsx` wrapper
 * process in between would not pass the pipe on) with the pipe on descriptor 3.
 */
export function spawnWatched(script: string, options: WatchedSpawnOptions): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: options.cwd,
    env: { ...options.env, [PARENT_PIPE_ENV]: String(PIPE_FD) },
    stdio: ['ignore', options.stdout, options.stderr, 'pipe'],
    detached: options.detached ?? false,
  });
}

/**
 * Calls `onGone` once when the process that started this one is gone: its end of the pipe on
 * `fd` closed. The watch keeps no process alive by itself.
 */
export function watchParent(fd: number, onGone: () => void): void {
  const stat = fstatSync(fd);
  if (!stat.isFIFO() && !stat.isSocket()) throw new Error(`${PARENT_PIPE_ENV}=${fd} is not a pipe from the process that started this one`);
  const pipe = new Socket({ fd, readable: true, writable: false });
  let gone = false;
  const once = () => {
    if (gone) return;
    gone = true;
    onGone();
  };
  pipe.on('end', once);
  pipe.on('close', once);
  pipe.on('error', once);
  pipe.resume();
  pipe.unref();
}

/**
 * Calls `onGone` once when this process's parent is gone (it was re-parented): for the launcher,
 * so that killing what started it (npm, a shell) stops it and its services too.
 */
export function watchParentProcess(onGone: () => void, everyMs = 500): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
}
