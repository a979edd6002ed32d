// The baseline of the HTTP figures: a bare node:http server doing what any verifier must at
// least do per request: read the JSON body, parse it, and verify one Ed25519 signature over the
// JWT with a key it already holds. Started by bench/http.ts with the public key (JWK) in argv.
import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';

const key = createPublicKey({ format: 'jwk', key: JSON.parse(process.argv[2]) });
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const { jwt } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const dot = jwt.lastIndexOf('.');
    const ok = verify(null, Buffer.from(jwt.slice(0, dot)), key, Buffer.from(jwt.slice(dot + 1), 'base64url'));
    const body = JSON.stringify({ verified: ok });
    res.writeHead(ok ? 200 : 422, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.stdin.on('end', () => process.exit(0)).resume();
