import { verifyJWT } from 'did-jwt';
import { performance } from 'node:perf_hooks';
import { ed25519PrivateKeyObject, generateEd25519 } from '../shared/crypto/index.ts';
import { createDidResolver, didKeyFromPublicKey, multibaseEd25519 } from '../shared/did/index.ts';
import { signJwt, verifyDidJwt } from '../shared/jwt/index.ts';
import { createGuardedFetch } from '../shared/net/index.ts';
import { StatusBitstring } from '../shared/status-list/index.ts';
import { verifierThroughputByWorkers } from './verifier-cores.ts';

/**
 * `npm run bench`: the hot paths measured against a baseline in the same run, printed as ratios
 * so that the figures mean something on any machine. Each case runs a warm-up, then a fixed
 * number of operations; the ratio is baseline time / our time (above 1 = faster than baseline).
 */
interface Case {
  name: string;
  baseline: { label: string; run: () => Promise<void> };
  ours: { label: string; run: () => Promise<void> };
  iterations: number;
}

async function time(run: () => Promise<void>, iterations: number): Promise<number> {
  for (let i = 0; i < Math.min(50, iterations); i++) await run();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await run();
  return (performance.now() - start) / iterations;
}

const keys = generateEd25519();
const did = didKeyFromPublicKey(keys.publicKey);
const kid = `${did}#${multibaseEd25519(keys.publicKey)}`;
const privateKey = ed25519PrivateKeyObject(keys.privateKey, keys.publicKey);
const dids = createDidResolver({ fetch: createGuardedFetch({ httpHosts: [] }), httpHosts: [] });
const credentialJwt = await signJwt(
  {
    iss: did,
    sub: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
    nbf: Math.floor(Date.now() / 1000),
    jti: 'urn:uuid:00000000-0000-4000-8000-000000000000',
    vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential', 'VolunteerActivityCredential'], credentialSubject: { activity: { hours: 4 } } },
  },
  { key: privateKey, kid, typ: 'JWT' },
);
const list = StatusBitstring.create();
for (let i = 0; i < 2_000; i++) list.set(Math.floor(Math.random() * list.size), true);
const encoded = list.encode();

const cases: Case[] = [
  {
    name: 'VC-JWT signature verification (Ed25519)',
    iterations: 2_000,
    baseline: { label: 'did-jwt verifyJWT (pure JavaScript)', run: async () => void (await verifyJWT(credentialJwt, { resolver: dids.resolver, policies: { nbf: false, iat: false, exp: false } })) },
    ours: { label: 'verifyDidJwt (jose, Node crypto)', run: async () => void (await verifyDidJwt(credentialJwt, { dids, relationship: 'assertionMethod' })) },
  },
  {
    name: 'Status list lookup (131,072 entries)',
    iterations: 500,
    baseline: { label: 'decode the list for every lookup', run: async () => void (await StatusBitstring.decode(encoded)).get(94567) },
    ours: { label: 'decode once, look up from the cached bits', run: async () => void list.get(94567) },
  },
];

console.log(`Volunteer Passport benchmarks (node ${process.version}); ratio = baseline time / our time\n`);
for (const c of cases) {
  const base = await time(c.baseline.run, c.iterations);
  const ours = await time(c.ours.run, c.iterations);
  console.log(`${c.name}`);
  console.log(`  baseline  ${c.baseline.label}: ${(base * 1000).toFixed(1)} µs/op`);
  console.log(`  ours      ${c.ours.label}: ${(ours * 1000).toFixed(1)} µs/op`);
  console.log(`  ratio     ${(base / ours).toFixed(1)}x\n`);
}

const cores = await verifierThroughputByWorkers();
console.log('Verifier throughput over HTTP (POST /v1/verify of a 5-credential presentation, caches warm)');
console.log(`  baseline  WORKERS=1: ${cores.oneWorker.toFixed(0)} verifications/s`);
console.log(`  ours      WORKERS=2: ${cores.twoWorkers.toFixed(0)} verifications/s`);
console.log(`  ratio     ${(cores.twoWorkers / cores.oneWorker).toFixed(2)}x (on ${(await import('node:os')).availableParallelism()} cores)`);
console.log('  (the load generator runs on the same cores as the workers, so on a 2-core machine this');
console.log('  understates what a second core gives a verifier that has its cores to itself)\n');
