import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import regionsFile from '../../shared/regions.json' with { type: 'json' };
import { decodeJwtParts } from '../../shared/jwt/index.ts';
import { freePort, killGroup, tempDataDir, track } from '../helpers/services.ts';

/**
 * `npm start` as a person runs it: one command, three services as processes, a demo seeded on
 * the first start and reused on the next, secrets printed once, and Ctrl-C stopping everything.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const READY = 'Press Ctrl-C to stop.';
/** `start()` waits up to 150 s for the welcome (a first start seeds the demo): a test that starts gets longer. */
const STARTS = 180_000;

interface Launched {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let dataDir: string;
const dataDirs: string[] = [];
let ports: { issuer: number; wallet: number; verifier: number };
let urls: { issuer: string; wallet: string; verifier: string };
let running: Launched | undefined;

/**
 * Runs the launcher as `npm start` does (`node --import tsx scripts/start.ts`: the launcher is this
 * process itself, with no wrapper in between) in its own process group, as a terminal would. With
 * `wrapped`, through a shell that stays its parent, as npm's `sh -c` does.
 */
function launch(wrapped = false): Launched {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  for (const name of ['PASSPORT_ADMIN_TOKEN', 'PASSPORT_SECRET', 'DATABASE_URL', 'LOG_LEVEL', 'REGISTRY_DID', 'TRUST_LIST_URL', 'DID_WEB_HTTP_HOSTS']) delete env[name];
  Object.assign(env, {
    DATA_DIR: dataDir,
    ISSUER_PORT: String(ports.issuer),
    WALLET_PORT: String(ports.wallet),
    VERIFIER_PORT: String(ports.verifier),
    ISSUER_URL: urls.issuer,
    WALLET_URL: urls.wallet,
    VERIFIER_URL: urls.verifier,
  });
  const command = [process.execPath, '--import', 'tsx', join(ROOT, 'scripts/start.ts')];
  const child = wrapped
    ? spawn('/bin/sh', ['-c', `"$@"; exit $?`, 'sh', ...command], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    : spawn(command[0]!, command.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  track(child);
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  running = { child, output: () => log, exited };
  return running;
}

/** `launch()`, then wait for the welcome. */
async function start(wrapped = false): Promise<Launched> {
  const launched = launch(wrapped);
  const deadline = Date.now() + 150_000;
  while (!launched.output().includes(READY)) {
    if (launched.child.exitCode !== null) throw new Error(`npm start exited with ${launched.child.exitCode}:\n${launched.output()}`);
    if (Date.now() > deadline) throw new Error(`npm start printed no welcome within 150 s:\n${launched.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return launched;
}

async function stopped(launched: Launched): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const timer = setTimeout(() => killGroup(launched.child, 'SIGKILL'), 20_000);
  const result = await launched.exited;
  clearTimeout(timer);
  running = undefined;
  return result;
}

function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });
}

/** Until none of the three ports answers (the services may take a moment to close). */
async function allPortsFree(withinMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const open = await Promise.all(Object.values(ports).map(listening));
    if (!open.some(Boolean)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

function printed(output: string, label: RegExp): string {
  const match = label.exec(output);
  if (!match) throw new Error(`not printed: ${label}\n${output}`);
  return match[1]!;
}

async function json(url: string, token?: string, init: RequestInit = {}): Promise<any> {
  const res = await fetch(url, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}) } });
  expect(res.status, `${init.method ?? 'GET'} ${url}`).toBeLessThan(300);
  return res.json();
}

async function trustList(): Promise<any> {
  const res = await fetch(`${urls.issuer}/v1/trust-list`);
  expect(res.headers.get('content-type')).toContain('application/jwt');
  return decodeJwtParts(await res.text()).payload;
}

async function demoPassport(login: string, password: string): Promise<{ credentials: any[]; summary: any }> {
  const session = await json(`${urls.wallet}/v1/sessions`, undefined, { method: 'POST', body: JSON.stringify({ login, password }) });
  const { credentials } = await json(`${urls.wallet}/v1/credentials`, session.token);
  return { credentials, summary: await json(`${urls.wallet}/v1/summary`, session.token) };
}

beforeAll(async () => {
  dataDir = tempDataDir('passport-start-');
  dataDirs.push(dataDir);
  ports = { issuer: await freePort(), wallet: await freePort(), verifier: await freePort() };
  urls = { issuer: `http://localhost:${ports.issuer}`, wallet: `http://localhost:${ports.wallet}`, verifier: `http://localhost:${ports.verifier}` };
});
afterAll(async () => {
  // Whatever a failed or timed-out test left: the launcher's whole process group, services included.
  if (running && running.child.exitCode === null && running.child.signalCode === null) {
    killGroup(running.child, 'SIGKILL');
    await running.exited;
  }
  if (!process.env.KEEP_TEST_DATA) for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  let adminToken: string;
  let organizationKeys: string[];
  let login: { login: string; password: string };
  let firstFigures: { trustList: any; passport: { credentials: any[]; summary: any }; stats: any };
  let firstOutput: string;
  let consoleLogins: { unit: string; login: string; password: string }[];

  it('starts the three services, seeds the demo and prints the URLs, the demo login and the secrets', async () => {
    const first = await start();
    const out = first.output();
    firstOutput = out;
    for (const url of Object.values(urls)) expect(out).toContain(url);
    expect(out).toContain(`${urls.issuer}/dashboard`);
    adminToken = printed(out, /Admin token \(national registry\): (\S+)/);
    expect(adminToken).toBe(readFileSync(join(dataDir, 'admin-token'), 'utf8').trim());
    for (const file of ['admin-token', 'passport-secret']) expect(statSync(join(dataDir, file)).mode & 0o777).toBe(0o600);
    organizationKeys = [...out.matchAll(/Organization "[^"]+" API key: (\S+)/g)].map((m) => m[1]!);
    expect(organizationKeys.length).toBeGreaterThanOrEqual(3);
    login = { login: printed(out, /Demo volunteer: login "([^"]+)"/), password: printed(out, /Demo volunteer: login "[^"]+", password "([^"]+)"/) };
    consoleLogins = [...out.matchAll(/Console login \(([^)]+)\): "([^"]+)", password "([^"]+)"/g)].map((m) => ({ unit: m[1]!, login: m[2]!, password: m[3]! }));
    for (const url of Object.values(urls)) expect((await json(`${url}/healthz`)).status).toBe('ok');
  }, STARTS);

  it('has the 20 regional front offices with their ISO 3166-2:KZ codes and kk, ru, en names', async () => {
    const list = await trustList();
    expect(list.frontOffices).toHaveLength(20);
    for (const region of regionsFile.regions) {
      const offices = list.frontOffices.filter((f: any) => f.region === region.code);
      expect(offices, region.code).toHaveLength(1);
      expect(offices[0].name.kk).toContain(region.kk);
      expect(offices[0].name.ru).toContain(region.ru);
      expect(offices[0].name.en).toContain(region.en);
    }
  });

  it('has accredited organizations with projects, whose printed API keys work', async () => {
    const list = await trustList();
    const printedIds = [...firstOutput.matchAll(/Organization "([^"]+)" API key/g)].map((m) => m[1]!);
    // The demo's own organizations, plus those of the small national picture seeded beside them.
    expect(list.organizations.map((o: any) => o.id)).toEqual(expect.arrayContaining(printedIds));
    expect(list.organizations.length).toBeGreaterThan(printedIds.length);
    for (const org of list.organizations) {
      expect(org.status).toBe('accredited');
      expect(regionsFile.regions.map((r) => r.code)).toContain(org.region);
      expect(Object.keys(org.name).sort()).toEqual(['en', 'kk', 'ru']);
    }
    for (const key of organizationKeys) expect((await json(`${urls.issuer}/v1/activities`, key)).items.length).toBeGreaterThanOrEqual(0);
    const stats = await json(`${urls.issuer}/v1/stats`, adminToken);
    expect(stats.byProject.map((p: any) => p.project)).toEqual(expect.arrayContaining(['Жас ағаш', 'Эко бақылау', 'Білім волонтерлері']));
  });

  it('keeps a key for each front office, whose dashboard figures are its region only', async () => {
    const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8'));
    expect(statSync(join(dataDir, 'demo.json')).mode & 0o777).toBe(0o600);
    expect(demo.complete).toBe(true);
    expect(demo.frontOffices.map((f: any) => f.region).sort()).toEqual(regionsFile.regions.map((r) => r.code).sort());
    const astana = printed(running!.output(), /Front office "fo-kz-71" \(Astana\) API key: (\S+)/);
    expect(demo.frontOffices.find((f: any) => f.region === 'KZ-71').apiKey).toBe(astana);
    const stats = await json(`${urls.issuer}/v1/stats`, astana);
    expect(stats.scope).toEqual({ kind: 'front_office', region: 'KZ-71' });
    expect(stats.byRegion.map((r: any) => r.region)).toEqual(['KZ-71']);
    expect((await fetch(`${urls.issuer}/dashboard`)).status).toBe(200);
  });

  it('prints a console login for the registry, a front office and an organization, which sign in', async () => {
    expect(consoleLogins.map((l) => l.unit)).toEqual(['registry', 'front-office:fo-kz-55', 'organization:eco-qyran']);
    for (const person of consoleLogins) {
      const session = await json(`${urls.issuer}/v1/staff/sessions`, undefined, { method: 'POST', body: JSON.stringify({ login: person.login, password: person.password }) });
      expect(session.staff).toMatchObject({ unit: person.unit, role: 'admin' });
      expect((await json(`${urls.issuer}/v1/staff/me`, session.token)).login).toBe(person.login);
    }
    const page = await fetch(`${urls.issuer}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8'));
    expect(demo.staff).toEqual(consoleLogins);
  });

  it('gives the demo volunteer a passport of claimed credentials with verified totals', async () => {
    const passport = await demoPassport(login.login, login.password);
    expect(passport.credentials.length).toBeGreaterThanOrEqual(3);
    expect(passport.credentials.every((c) => c.status === 'valid')).toBe(true);
    const hours = passport.credentials.reduce((s, c) => s + c.activity.hours, 0);
    expect(passport.summary).toMatchObject({ totalHours: hours, counted: passport.credentials.length });
    const stats = await json(`${urls.issuer}/v1/stats`, adminToken);
    // The national picture around her is large enough that the dashboard shows real counts, not "<5".
    expect(stats.totals.volunteers).toBeGreaterThanOrEqual(50);
    expect(stats.totals.credentialsClaimed).toBeGreaterThan(passport.credentials.length);
    expect(stats.totals.hours).toBeGreaterThan(hours);
    firstFigures = { trustList: await trustList(), passport, stats };
  });

  it('stops all three services on Ctrl-C', async () => {
    // A terminal's Ctrl-C reaches the whole process group: the launcher and the services at once.
    process.kill(-running!.child.pid!, 'SIGINT');
    expect(await stopped(running!)).toEqual({ code: 0, signal: null });
    expect(await allPortsFree()).toBe(true);
  });

  it('reuses the data on a second start, printing no secret', async () => {
    const second = await start();
    const out = second.output();
    for (const url of Object.values(urls)) expect(out).toContain(url);
    expect(out).not.toContain(adminToken);
    for (const key of organizationKeys) expect(out).not.toContain(key);
    expect(out).not.toContain(printed(firstOutput, /Front office "fo-kz-71" \(Astana\) API key: (\S+)/));
    for (const person of consoleLogins) expect(out).not.toContain(person.password);
    expect(out).toContain(join(dataDir, 'admin-token'));
    expect(out).not.toContain('seeding the demo');
    const list = await trustList();
    expect(list.frontOffices).toEqual(firstFigures.trustList.frontOffices);
    expect(list.organizations).toEqual(firstFigures.trustList.organizations);
    const passport = await demoPassport(login.login, login.password);
    expect(passport.credentials.map((c) => c.id).sort()).toEqual(firstFigures.passport.credentials.map((c) => c.id).sort());
    expect(passport.summary.totalHours).toBe(firstFigures.passport.summary.totalHours);
    const stats = await json(`${urls.issuer}/v1/stats`, adminToken);
    expect(stats.totals).toEqual(firstFigures.stats.totals);
  }, STARTS);

  it('stops all three services when only the launcher is told to', async () => {
    running!.child.kill('SIGINT');
    expect(await stopped(running!)).toEqual({ code: 0, signal: null });
    expect(await allPortsFree()).toBe(true);
  });

  it('finishes on the next start a demo whose first start was stopped while seeding', async () => {
    const first = figuresOf(firstFigures);
    dataDir = tempDataDir('passport-start-interrupted-');
    dataDirs.push(dataDir);
    const interrupted = launch();
    // Ctrl-C as soon as the first key of the demo is kept: the seeding is then half-way.
    const demoFile = join(dataDir, 'demo.json');
    while (!existsSync(demoFile)) {
      expect(interrupted.child.exitCode, interrupted.output()).toBeNull();
      await new Promise((r) => setTimeout(r, 10));
    }
    process.kill(-interrupted.child.pid!, 'SIGINT');
    await stopped(interrupted);
    expect(JSON.parse(readFileSync(demoFile, 'utf8')).complete).toBe(false);
    expect(await allPortsFree()).toBe(true);
    const again = await start();
    const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
    const list = await trustList();
    expect(list.frontOffices).toHaveLength(20);
    expect(list.organizations.map((o: any) => o.id)).toEqual(firstFigures.trustList.organizations.map((o: any) => o.id));
    const passport = await demoPassport(login.login, login.password);
    const stats = await json(`${urls.issuer}/v1/stats`, token);
    expect(figuresOf({ passport, stats })).toEqual(first);
    process.kill(-again.child.pid!, 'SIGINT');
    expect(await stopped(again)).toEqual({ code: 0, signal: null });
  }, STARTS);

  it('stops the three services within seconds when the launcher is killed outright (SIGKILL, an out-of-memory kill)', async () => {
    const launched = await start();
    process.kill(launched.child.pid!, 'SIGKILL');
    // The launcher ran no handler; each service saw the pipe from it close.
    expect(await stopped(launched)).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await allPortsFree(5_000)).toBe(true);
  }, STARTS);

  it('stops them too when the process that started the launcher is killed outright', async () => {
    const launched = await start(true);
    const launcher = launcherPid(launched.child);
    process.kill(launched.child.pid!, 'SIGKILL');
    await stopped(launched);
    // Its parent gone, the launcher stops the services as Ctrl-C would, and exits.
    expect(await allPortsFree(5_000)).toBe(true);
    expect(await gone(launcher)).toBe(true);
  }, STARTS);
});

/** The launcher that the shell of `launch(true)` runs as its child. */
function launcherPid(wrapper: ChildProcess): number {
  const children = readFileSync(`/proc/${wrapper.pid}/task/${wrapper.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
  const launcher = children.find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('scripts/start.ts'));
  if (!launcher) throw new Error(`no launcher among the children of ${wrapper.pid}: ${children.join(', ')}`);
  return launcher;
}

/** Until the process `pid` has exited (a zombie no one reaped yet has). */
async function gone(pid: number, withinMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
    if (!stat || /^\d+ \(.*\) Z/.test(stat)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** What the demo amounts to, without the identifiers and instants that differ between two demos. */
function figuresOf(f: { passport: { credentials: any[]; summary: any }; stats: any }): unknown {
  return {
    credentials: f.passport.credentials.map((c) => `${c.organization?.id} ${c.activity.activityEndDate} ${c.activity.hours} ${c.status}`).sort(),
    totalHours: f.passport.summary.totalHours,
    stats: f.stats.totals,
  };
}
