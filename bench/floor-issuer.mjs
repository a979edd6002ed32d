// The floor of the OpenID4VCI claims figure: the least an issuer can do per claim, with no
// framework, so BENCHMARKS.md shows what the machine allows for a claim beside what ours reaches.
// Per claim, as the wallets of bench/claim-client.mjs run it:
// - POST /token: the form read, the pre-authorized code looked up and used, an access token stored
//   (one SQLite transaction);
// - POST /nonce: a nonce stored (one statement);
// - POST /credential: the token looked up, the proof's Ed25519 signature verified (its did:key
//   decoded once per holder), the nonce used, a credential row with the next status index and
//   the activity's new state written (one transaction), and a VC-JWT signed with Ed25519.
// SQLite in WAL mode with synchronous = NORMAL, as the issuer runs it. What it leaves out is what
// ours does beyond the least: Express and its middleware, security headers, rate limits, request
// logs, the hash-chained audit trail, the Bitstring status list's random index, the accreditation
// and expiry checks, the signing key's lookup, error answers in the OAuth and problem shapes.
// argv: database file, offers to make. Prints "listening PORT", the offers' URIs, then "END".
import { createHash, createPublicKey, generateKeyPairSync, randomBytes, randomUUID, sign, verify } from 'node:crypto';
import { createServer } from 'node:http';
import { base58 } from '@scure/base';
import Database from 'better-sqlite3';

const [file, count] = process.argv.slice(2);
const PRE_AUTHORIZED = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`
  CREATE TABLE activities (id TEXT PRIMARY KEY, status TEXT NOT NULL, volunteer_name TEXT NOT NULL, activity TEXT NOT NULL);
  CREATE TABLE codes (code_hash TEXT PRIMARY KEY, activity_id TEXT NOT NULL, used_at TEXT);
  CREATE TABLE tokens (token_hash TEXT PRIMARY KEY, activity_id TEXT NOT NULL, expires_at TEXT NOT NULL);
  CREATE TABLE nonces (nonce_hash TEXT PRIMARY KEY, expires_at TEXT NOT NULL);
  CREATE TABLE credentials (id TEXT PRIMARY KEY, activity_id TEXT NOT NULL UNIQUE, holder_did TEXT NOT NULL, status_index INTEGER NOT NULL UNIQUE, issued_at TEXT NOT NULL);
`);
const hash = (text) => createHash('sha256').update(text).digest('base64url');
const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const later = (seconds) => new Date(Date.now() + seconds * 1000).toISOString();
const q = {
  code: db.prepare('SELECT activity_id, used_at FROM codes WHERE code_hash = ?'),
  useCode: db.prepare('UPDATE codes SET used_at = ? WHERE code_hash = ?'),
  addToken: db.prepare('INSERT INTO tokens VALUES (?, ?, ?)'),
  token: db.prepare('SELECT activity_id, expires_at FROM tokens WHERE token_hash = ?'),
  addNonce: db.prepare('INSERT INTO nonces VALUES (?, ?)'),
  useNonce: db.prepare('DELETE FROM nonces WHERE nonce_hash = ? AND expires_at > ?'),
  activity: db.prepare('SELECT status, volunteer_name, activity FROM activities WHERE id = ?'),
  addCredential: db.prepare('INSERT INTO credentials VALUES (?, ?, ?, (SELECT COALESCE(MAX(status_index), 0) + 1 FROM credentials), ?)'),
  claimed: db.prepare("UPDATE activities SET status = 'claimed' WHERE id = ?"),
};
const exchange = db.transaction((codeHash, tokenHash, at) => {
  const row = q.code.get(codeHash);
  if (!row || row.used_at) return false;
  q.useCode.run(at, codeHash);
  q.addToken.run(tokenHash, row.activity_id, later(600));
  return true;
});
const record = db.transaction((nonceHash, activityId, holderDid, at) => {
  if (q.useNonce.run(nonceHash, at).changes !== 1) return undefined;
  const activity = q.activity.get(activityId);
  if (activity?.status !== 'offered') return undefined;
  const id = `urn:uuid:${randomUUID()}`;
  q.addCredential.run(id, activityId, holderDid, at);
  q.claimed.run(activityId);
  return { id, activity };
});

const codes = [];
db.transaction(() => {
  const addActivity = db.prepare("INSERT INTO activities VALUES (?, 'offered', ?, ?)");
  const addCode = db.prepare('INSERT INTO codes VALUES (?, ?, NULL)');
  for (let i = 0; i < Number(count); i++) {
    const code = randomBytes(32).toString('base64url');
    addActivity.run(`a${i}`, `Volunteer ${i}`, JSON.stringify({ name: 'Tree planting', hours: 4, date: '2026-05-01', region: 'KZ-71' }));
    addCode.run(hash(code), `a${i}`);
    codes.push(code);
  }
})();
const { privateKey } = generateKeyPairSync('ed25519');
const holderKeys = new Map();
let base = '';

function holderKey(did) {
  let key = holderKeys.get(did);
  if (!key) {
    const raw = Buffer.from(base58.decode(did.slice('did:key:z'.length))).subarray(2);
    key = createPublicKey({ format: 'jwk', key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') } });
    holderKeys.set(did, key);
  }
  return key;
}

function credential(req, text, at) {
  const token = q.token.get(hash(String(req.headers.authorization).slice('Bearer '.length)));
  if (!token || token.expires_at <= at) return [401, { error: 'invalid_token' }];
  const proof = JSON.parse(text).proofs.jwt[0];
  const [header64, payload64, signature] = proof.split('.');
  const header = JSON.parse(Buffer.from(header64, 'base64url').toString('utf8'));
  const payload = JSON.parse(Buffer.from(payload64, 'base64url').toString('utf8'));
  const holderDid = header.kid.split('#')[0];
  if (payload.aud !== base || !verify(null, Buffer.from(`${header64}.${payload64}`), holderKey(holderDid), Buffer.from(signature, 'base64url'))) return [400, { error: 'invalid_proof' }];
  const recorded = record(hash(payload.nonce), token.activity_id, holderDid, at);
  if (!recorded) return [400, { error: 'invalid_nonce' }];
  const vc = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential', 'VolunteerActivityCredential'],
    credentialSubject: { id: holderDid, name: recorded.activity.volunteer_name, activity: JSON.parse(recorded.activity.activity) },
    credentialStatus: { id: `${base}/status/1#5`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '5', statusListCredential: `${base}/status/1` },
  };
  const input = `${b64({ alg: 'EdDSA', typ: 'JWT', kid: 'did:web:floor#key-1' })}.${b64({ iss: 'did:web:floor', sub: holderDid, jti: recorded.id, nbf: Math.floor(Date.now() / 1000), vc })}`;
  return [200, { credentials: [{ credential: `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}` }] }];
}

function answer(req, text) {
  const at = new Date().toISOString();
  if (req.method === 'GET' && req.url === '/.well-known/openid-credential-issuer') return [200, { credential_issuer: base, credential_endpoint: `${base}/credential`, nonce_endpoint: `${base}/nonce` }];
  if (req.method === 'GET' && req.url === '/.well-known/oauth-authorization-server') return [200, { issuer: base, token_endpoint: `${base}/token` }];
  if (req.method === 'GET' && req.url.startsWith('/offer/')) {
    return [200, { credential_issuer: base, credential_configuration_ids: ['VolunteerActivityCredential'], grants: { [PRE_AUTHORIZED]: { 'pre-authorized_code': codes[Number(req.url.slice('/offer/'.length))] } } }];
  }
  if (req.method === 'POST' && req.url === '/token') {
    const token = randomBytes(32).toString('base64url');
    if (!exchange(hash(new URLSearchParams(text).get('pre-authorized_code') ?? ''), hash(token), at)) return [400, { error: 'invalid_grant' }];
    return [200, { access_token: token, token_type: 'Bearer', expires_in: 600 }];
  }
  if (req.method === 'POST' && req.url === '/nonce') {
    const nonce = randomBytes(24).toString('base64url');
    q.addNonce.run(hash(nonce), later(300));
    return [200, { c_nonce: nonce }];
  }
  if (req.method === 'POST' && req.url === '/credential') return credential(req, text, at);
  return [404, { error: 'not_found' }];
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let status, body;
    try {
      [status, body] = answer(req, Buffer.concat(chunks).toString('utf8'));
    } catch (err) {
      [status, body] = [400, { error: 'invalid_request', error_description: String(err.message) }];
    }
    const json = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), 'cache-control': 'no-store' });
    res.end(json);
  });
});
server.listen(0, '127.0.0.1', () => {
  base = `http://127.0.0.1:${server.address().port}`;
  const offers = codes.map((_, i) => `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(`${base}/offer/${i}`)}`);
  process.stdout.write(`listening ${server.address().port}\n${offers.join('\n')}\nEND\n`);
});
process.stdin.on('end', () => process.exit(0)).resume();
