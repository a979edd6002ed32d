import { cpus, loadavg } from 'node:os';

/** One row of the table: a figure, its baseline from the same run, and the target it is held to. */
export interface Row {
  figure: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
  /** Whether the target holds in this run; undefined for rows without a target (informational). */
  met: boolean | undefined;
}

export const HEADER = ['figure', 'ours', 'baseline in the same run', 'ratio', 'target', 'met'];

export function machine(): string {
  const cores = cpus();
  const [one, five] = loadavg();
  return `${cores[0]?.model.trim() ?? 'unknown cpu'}, ${cores.length} cores, node ${process.version}, load average ${one!.toFixed(1)} / ${five!.toFixed(1)} (1 / 5 min) at the start, ${new Date().toISOString()}`;
}

/** A warning for BENCHMARKS.md when other work loaded the machine: the figures then say little. */
export function loadWarning(): string {
  const [one] = loadavg();
  const cores = cpus().length;
  if (one! <= cores) return '';
  return `**The machine was loaded** (load average ${one!.toFixed(1)} on ${cores} cores at the end of the run): other processes took most of the CPU, so the absolute rates are low and even the ratios are noisy, the HTTP ones most (the load generator, the server and the other work share the same cores). Run \`npm run bench\` again on a quiet machine before reading targets off this table.\n\n`;
}

export function markdownTable(rows: Row[]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const met = (m: boolean | undefined) => (m === undefined ? '–' : m ? 'yes' : '**no**');
  return [line(HEADER), line(HEADER.map(() => '---')), ...rows.map((r) => line([r.figure, r.ours, r.baseline, r.ratio, r.target, met(r.met)]))].join('\n');
}

export const perSecond = (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`;
export const ratio = (ours: number, base: number) => (base > 0 ? (ours / base).toFixed(2) : '–');
