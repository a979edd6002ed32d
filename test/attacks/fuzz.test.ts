import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accept, authorization, contentEncoding, contentType, cookie, formBody, jsonBody, pathParameter, query } from './fuzz/arbitraries.ts';
import { routesOf, type Route } from './fuzz/routes.ts';
import { ADMIN, startPassport, type Passport } from './passport.ts';

/** Fuzzing time for the whole file, the three services fuzzed side by side; services start on top of it. */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 25_000);
/** Requests per route at most: enough to cover its shapes, few enough that the budget spans every route. */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS_PER_ROUTE ?? 150);
/** Requests per route at least, however loaded the machine: each route is fuzzed, if briefly. */
const MIN_RUNS_PER_ROUTE = 10;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

// Generated and mutated requests to every route of the three services' OpenAPI documents: bodies
// from each route's schema with values swapped for wrong ones, malformed JSON and forms, odd
// content types, wrong and right tokens, malformed cookies and path parameters. No answer may be
// a 5xx, and every 4xx of a JSON route is problem details (issue 8, "No 500 for bad input").
describe('fuzzing every route', () => {
  let p: Passport;
  beforeAll(async () => {
    p = await startPassport();
  });
  afterAll(() => p?.stop());

  it('answers no 5xx, and problem details for every 4xx', { timeout: BUDGET_MS + 60_000 }, async () => {
    const services = [
      { service: p.issuer, tokens: [ADMIN, p.orgKey], session: undefined },
      { service: p.wallet, tokens: [p.session], session: p.session },
      { service: p.verifier, tokens: [], session: undefined },
    ];
    // allSettled: one service's failure must not leave the others fuzzing services that are stopping.
    const settled = await Promise.allSettled(
      services.map(async ({ service, tokens, session }) => {
        const routes = await routesOf(service);
        const perRoute = BUDGET_MS / routes.length;
        let sent = 0;
        for (const route of routes) {
          // The time share is kept here rather than by fast-check's interruptAfterTimeLimit, which
          // fails a route whose first request outlasts the share on a loaded machine.
          const deadline = Date.now() + perRoute;
          let runs = 0;
          await fc.assert(
            fc.asyncProperty(requestFor(route, ownSessionEnds(route) ? [] : tokens, ownSessionEnds(route) ? undefined : session), async (request) => {
              if (runs >= MIN_RUNS_PER_ROUTE && Date.now() > deadline) return;
              runs++;
              sent++;
              await sendAndCheck(route, request);
            }),
            { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
          );
        }
        return { sent, routes: routes.length };
      }),
    );
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const counts = settled.map((r) => (r.status === 'fulfilled' ? r.value : { sent: 0, routes: 0 }));
    const total = counts.reduce((a, b) => a + b.sent, 0);
    console.info(`fuzz: ${total} requests (issuer ${counts[0]!.sent}, wallet ${counts[1]!.sent}, verifier ${counts[2]!.sent})`);
    // Thousands on a quiet machine; on a crowded one, at least the minimum for every route.
    for (const { sent, routes } of counts) expect(sent).toBeGreaterThanOrEqual(routes * MIN_RUNS_PER_ROUTE);
  });
});

/** Signing our own session out would leave the rest of the run without one. */
function ownSessionEnds(route: Route): boolean {
  return route.method === 'DELETE' && route.template === '/v1/sessions/current';
}

function requestFor(route: Route, tokens: string[], session: string | undefined): fc.Arbitrary<Sent> {
  const path = route.template.split(/(\{[^}]+\})/).map((part) => (part.startsWith('{') ? pathParameter : fc.constant(part)));
  const method = route.method === 'ANY' ? fc.constantFrom(...METHODS) : fc.constant(route.method);
  const body = route.form ? fc.oneof(formBody(), jsonBody(route)) : fc.oneof({ weight: 4, arbitrary: jsonBody(route) }, { weight: 1, arbitrary: formBody() });
  const defaultType = route.form ? 'application/x-www-form-urlencoded' : 'application/json';
  return fc
    .record({
      method,
      path: fc.tuple(...path).map((parts) => parts.join('')),
      query,
      body: fc.option(body, { nil: undefined, freq: route.bodySchema || route.form ? 8 : 2 }),
      type: contentType,
      encoding: contentEncoding,
      accept,
      authorization: authorization(tokens),
      cookie: cookie(session),
    })
    .map(({ method, path, query, body, type, encoding, accept, authorization, cookie }) => {
      const headers: Record<string, string> = {};
      const withBody = body !== undefined && method !== 'GET';
      if (withBody) headers['content-type'] = type ?? defaultType;
      if (withBody && encoding) headers['content-encoding'] = encoding;
      if (accept) headers.accept = accept;
      if (authorization) headers.authorization = authorization;
      if (cookie) headers.cookie = cookie;
      return { method, url: `${route.service.url}${path}${query}`, headers, ...(withBody ? { body } : {}) };
    });
}

async function sendAndCheck(route: Route, request: Sent): Promise<void> {
  const where = () => `${request.method} ${request.url.slice(0, 300)}\n  headers ${JSON.stringify(request.headers).slice(0, 300)}\n  body ${String(request.body).slice(0, 300)}`;
  let res: Response;
  try {
    res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, redirect: 'manual', signal: AbortSignal.timeout(20_000) });
  } catch (err) {
    throw new Error(`no answer (${(err as Error).message}) to\n  ${where()}`);
  }
  const text = await res.text();
  const answered = () => `${where()}\n  → ${res.status} ${res.headers.get('content-type')} ${text.slice(0, 300)}`;
  if (res.status < 400) return;
  const type = res.headers.get('content-type') ?? '';
  const page = route.page && type.startsWith('text/html');
  let body: any;
  try {
    body = page ? undefined : JSON.parse(text);
  } catch {
    throw new Error(`a ${res.status} that is not JSON for\n  ${answered()}`);
  }
  // A URL in the request that does not answer (a share link, an offer) is the upstream's failure,
  // not ours: 502 as the OpenAPI documents say, with the code that names it. Any other 5xx is a bug.
  const upstream = res.status === 502 && (page || body.code === 'fetch_failed' || body.code === 'upstream_unavailable');
  if (res.status >= 500 && !upstream) throw new Error(`5xx for\n  ${answered()}`);
  if (page) return; // a page may answer its errors as a page
  if (res.status >= 500) return;
  // The W3C VC API answers a verification that did not hold with 422 and its own problemDetails list.
  if (res.status === 422 && Array.isArray(body.problemDetails)) return;
  const problem = typeof body.type === 'string' && typeof body.title === 'string' && body.status === res.status && typeof body.code === 'string' && body.code.length > 0;
  // OAuth and OpenID routes answer application/json with `error`, and the problem members beside it.
  const shaped = type.startsWith('application/problem+json') || (type.startsWith('application/json') && typeof body.error === 'string');
  if (!problem || !shaped) throw new Error(`a ${res.status} that is not problem details for\n  ${answered()}`);
}
