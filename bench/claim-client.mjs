// The wallets of the OpenID4VCI claims figure, as lean as autocannon is for the bare server: plain
// node:http over kept-alive connections and Node's Ed25519, in a process of its own, so the
// figure measures the issuer rather than a wallet's HTTP client (undici's fetch cost about as much
// CPU per claim as the issuer itself). Each claim is the pre-authorized code flow a wallet runs
// once it holds an offer: the token, a nonce, and the credential request with a proof JWT over
// that nonce, signed by one of `wallets` did:key holders. The offers are fetched by reference
// first (each mints a fresh code), before the clock starts: issue 11 times a claim as
// token + nonce + credential, and an offer is fetched when a volunteer scans it, not in a burst.
// argv: issuer URL, wallets at once; stdin: the offer URIs, one a line. Prints {claims, seconds}.
import { generateKeyPairSync, sign } from 'node:crypto';
import { Agent, request } from 'node:http';
import { base58 } from '@scure/base';

const [issuer, walletsArg] = process.argv.slice(2);
const wallets = Number(walletsArg);
const agent = new Agent({ keepAlive: true, maxSockets: wallets });
const PRE_AUTHORIZED = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

function call(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: { accept: 'application/json', ...headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) reject(new Error(`${method} ${new URL(url).pathname} answered ${res.statusCode}: ${text.slice(0, 500)}`));
        else resolve(JSON.parse(text));
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function holder() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
  const multibase = `z${base58.encode(Buffer.concat([Buffer.from([0xed, 0x01]), raw]))}`;
  return { did: `did:key:${multibase}`, kid: `did:key:${multibase}#${multibase}`, privateKey };
}

function proofJwt(h, aud, nonce) {
  const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${b64({ alg: 'EdDSA', kid: h.kid, typ: 'openid4vci-proof+jwt' })}.${b64({ aud, iat: Math.floor(Date.now() / 1000), nonce })}`;
  return `${input}.${sign(null, Buffer.from(input), h.privateKey).toString('base64url')}`;
}

const offers = (await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (d) => (text += d)).on('end', () => resolve(text));
})).split('\n').filter(Boolean);
const metadata = await call(`${issuer}/.well-known/openid-credential-issuer`);
const as = await call(`${new URL(metadata.authorization_servers?.[0] ?? issuer).origin}/.well-known/oauth-authorization-server`);

/** The offer behind an `openid-credential-offer://` link, fetched by reference. */
function fetchOffer(offerUri) {
  return call(new URL(offerUri).searchParams.get('credential_offer_uri'));
}

async function claim(h, offer) {
  const code = offer.grants[PRE_AUTHORIZED]['pre-authorized_code'];
  const form = new URLSearchParams({ grant_type: PRE_AUTHORIZED, 'pre-authorized_code': code }).toString();
  const token = await call(as.token_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
  const { c_nonce } = await call(metadata.nonce_endpoint, { method: 'POST' });
  const body = JSON.stringify({ credential_configuration_id: offer.credential_configuration_ids[0], proofs: { jwt: [proofJwt(h, offer.credential_issuer, c_nonce)] } });
  const issued = await call(metadata.credential_endpoint, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` }, body });
  if (typeof issued.credentials?.[0]?.credential !== 'string') throw new Error('The credential response holds no credential');
}

const holders = Array.from({ length: wallets }, holder);
let next = 0;
const fetched = [];
await Promise.all(holders.map(async () => {
  for (let i = next++; i < offers.length; i = next++) fetched[i] = await fetchOffer(offers[i]);
}));
next = 0;
const started = performance.now();
await Promise.all(holders.map(async (h) => {
  for (let i = next++; i < offers.length; i = next++) await claim(h, fetched[i]);
}));
console.log(JSON.stringify({ claims: offers.length, seconds: (performance.now() - started) / 1000 }));
agent.destroy();
