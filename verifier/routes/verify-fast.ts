import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Express } from 'express';
import proxyAddr from 'proxy-addr';
import { addressKey, BODY_LIMIT, sendError, sendJson, serviceFrontOf, writeBuckets, type RateLimit } from '../../shared/http/index.ts';
import { assertJsonDepth } from '../../shared/json/index.ts';
import type { VerifierDeps } from '../deps.ts';
import { verifyBody } from './verify-router.ts';

const PATH = '/v1/verify';
/** `application/json`, with no charset or UTF-8: what JSON clients send (RFC 8259 has no other). */
const PLAIN_JSON = /^application\/json\s*(?:;\s*charset\s*=\s*(?:utf-8|"utf-8")\s*)?$/i;
const JSON_WHITESPACE = /^[\x20\x09\x0a\x0d]*(.)?/s;

/**
 * The verifier's request listener: `POST /v1/verify` with a plain JSON body is answered here, in
 * front of Express; every other request goes to `app`.
 *
 * Why: measured under load (docs/performance.md), Express's own handling of a request (giving
 * Node's request and response its prototypes, the router) cost about as much CPU as the Ed25519
 * verification it serves, and kept `POST /v1/verify` at 0.4 of a bare server's rate. The
 * verification is the service's hot path (a hiring season's QR scans), so it alone skips that.
 *
 * What it keeps, from the app itself: helmet's security headers, the request log, and the write
 * rate limit (the same allowance as the app's middleware); the body limit, the JSON reading and
 * the depth limit as `parseBodies` applies them; the route (`verifyBody`); and the answers and
 * problem details. Only a request whose headers say it is the plain case (no query string, JSON
 * in UTF-8, a Content-Length within the limit, no content coding) is taken; everything else (a
 * form, `+json` types, a chunked or compressed body, a body over the limit) is left whole to
 * Express, which answers it as before. test/verifier/api/verify-bodies.test.ts holds the two
 * paths to the same answers, headers included.
 */
export function verifyInFront(app: Express, deps: Pick<VerifierDeps, 'verifier' | 'logger'>, limit: RateLimit): RequestListener {
  const front = serviceFrontOf(app);
  // Express's own `trust proxy` function: the client address is the one `req.ip` gives routes.
  const trust = app.get('trust proxy fn') as (address: string, hop: number) => boolean;
  const fail = (res: ServerResponse, err: unknown) => sendError(deps.logger, res, err, PATH, PATH);
  const answer = (req: IncomingMessage, res: ServerResponse) =>
    readBody(req)
      .then((bytes) => {
        const body = parseJson(bytes);
        assertJsonDepth(body, undefined, 'The request body');
        return verifyBody(deps, body);
      })
      .then((result) => sendJson(res, result), (err: unknown) => (req.readableAborted ? res.destroy() : fail(res, err)));

  return (req, res) => {
    if (!plainVerify(req)) return app(req, res);
    front.securityHeaders(req, res, () => undefined);
    front.logRequest(req, res, PATH);
    const admitted = limit.admit(writeBuckets(req, addressKey(proxyAddr(req, trust))), res);
    if (admitted === true) void answer(req, res);
    else if (admitted === false) limit.refuse(res, PATH);
    else admitted.then((ok) => (ok ? answer(req, res) : limit.refuse(res, PATH)), (err: unknown) => fail(res, err));
  };
}

/** `POST /v1/verify` whose headers say: JSON in UTF-8, a length within the limit, not compressed. */
function plainVerify(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.url !== PATH) return false;
  const { 'content-type': type, 'content-length': length, 'content-encoding': coding, 'transfer-encoding': chunked } = req.headers;
  if (type === undefined || !PLAIN_JSON.test(type) || chunked !== undefined) return false;
  if (coding !== undefined && coding.toLowerCase() !== 'identity') return false;
  return length !== undefined && /^\d{1,8}$/.test(length) && Number(length) <= BODY_LIMIT;
}

/** The body's bytes; Node's parser holds them to the Content-Length already checked. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The body as body-parser's strict JSON reads it: a byte order mark dropped, an empty body as
 * `{}`, and only an object or array at the top. A failure is body-parser's `entity.parse.failed`,
 * which `asPassportError` words as it does for the app.
 */
function parseJson(bytes: Buffer): unknown {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return {};
  const first = JSON_WHITESPACE.exec(text)?.[1];
  if (first !== '{' && first !== '[') {
    throw notJson(first === undefined ? 'Unexpected end of JSON input' : `Unexpected token ${JSON.stringify(first)}, only an object or an array is accepted`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw notJson((err as Error).message);
  }
}

function notJson(message: string): Error {
  return Object.assign(new SyntaxError(message), { type: 'entity.parse.failed', status: 400 });
}
