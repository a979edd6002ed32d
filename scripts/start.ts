import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launcherEnvironment, loadConfig } from '../shared/config.ts';
import { spawnWatched, watchParentProcess } from '../shared/service/parent-watch.ts';
import { seedDemo, type DemoSecrets } from './demo/seed-demo.ts';

/**
 * `npm start`: the issuer, wallet and verifier on one machine, each in its own process (as they
 * would be deployed), sharing DATA_DIR for their SQLite files and generated secrets. The first
 * start seeds a demo through the public APIs; later starts reuse the data. Ctrl-C stops all three,
 * and so does the launcher's death by any means: each service watches a pipe from it.
 */
const env = launcherEnvironment();
// Loading the configuration here, before any service starts, creates the admin token and the
// master secret once, so the three processes read the same files instead of racing to write them.
const config = loadConfig(env);
const ROOT = resolve(import.meta.dirname, '..');
const children: ChildProcess[] = [];
let stopping = false;

function startService(name: 'issuer' | 'wallet' | 'verifier', url: string): Promise<void> {
  const child = spawnWatched(join(ROOT, name, 'main.ts'), { cwd: ROOT, env: { ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'warn' }, stdout: 'inherit', stderr: 'inherit' });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${name} stopped unexpectedly (exit ${code}); stopping the others.`);
      void stopAll(1);
    }
  });
  return waitForHealth(name, url);
}

async function waitForHealth(name: string, url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not become healthy at ${url} within 60 s`);
}

async function stopAll(code: number): Promise<never> {
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    ),
  );
  process.exit(code);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
// Its parent (npm, or a shell) killed outright, no one would pass Ctrl-C on: stop as if it had.
watchParentProcess(() => void stopAll(1));

try {
  await startService('issuer', config.issuerUrl);
  await Promise.all([startService('wallet', config.walletUrl), startService('verifier', config.verifierUrl)]);
  const demoFile = join(config.dataDir, 'demo.json');
  const kept = existsSync(demoFile) ? (JSON.parse(readFileSync(demoFile, 'utf8')) as DemoSecrets) : undefined;
  // A first start stopped half-way left `complete: false`: this start finishes the demo.
  const firstStart = !kept || kept.complete === false;
  if (firstStart) console.log('First start: seeding the demo (front offices, organizations, a volunteer with credentials)…');
  const demo =
    kept && !firstStart
      ? kept
      : await seedDemo({ issuer: config.issuerUrl, wallet: config.walletUrl }, config.adminToken, config.dataDir, kept, (secrets) =>
          writeFileSync(demoFile, JSON.stringify(secrets, null, 2), { mode: 0o600 }),
        );
  printWelcome(demo, firstStart || config.adminTokenCreated);
} catch (err) {
  console.error((err as Error).message);
  await stopAll(1);
}

function printWelcome(demo: DemoSecrets, showSecrets: boolean): void {
  const lines = [
    '',
    'Volunteer Passport is running:',
    `  issuer    ${config.issuerUrl}/    (console: registry, front offices, organizations; statistics: ${config.issuerUrl}/dashboard)`,
    `  wallet    ${config.walletUrl}    (volunteers)`,
    `  verifier  ${config.verifierUrl}    (employers, universities)`,
    '',
    `Demo volunteer: login "${demo.volunteer.login}", password "${demo.volunteer.password}"`,
  ];
  if (showSecrets) {
    lines.push(`Admin token (national registry): ${config.adminToken}`);
    for (const org of demo.organizations) lines.push(`Organization "${org.id}" API key: ${org.apiKey}`);
    // Demo files written before the front offices' keys were kept have none.
    const astana = demo.frontOffices?.find((f) => f.region === 'KZ-71');
    if (astana) lines.push(`Front office "${astana.id}" (Astana) API key: ${astana.apiKey}`);
    for (const person of demo.staff ?? []) lines.push(`Console login (${person.unit}): "${person.login}", password "${person.password}"`);
    lines.push(`(shown this once; kept in ${config.dataDir} with mode 0600, the other front offices' keys in demo.json)`);
  } else {
    lines.push(`Admin token, demo API keys and console logins: in ${join(config.dataDir, 'admin-token')} and ${join(config.dataDir, 'demo.json')}`);
  }
  lines.push('', 'Press Ctrl-C to stop.');
  console.log(lines.join('\n'));
}
