import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Router, type Request } from 'express';
import { PassportError } from '../../shared/errors.ts';
import { pickLanguage, translator } from '../../shared/i18n/index.ts';
import type { VerifierDeps } from '../deps.ts';
import { createPresentationRequest } from '../requests/create.ts';
import { parseRequestInput } from '../requests/input.ts';
import { readPresentationRequest } from '../requests/read.ts';
import { findRequest, publicStatus } from '../requests/store.ts';
import { requestUrls } from '../requests/urls.ts';
import { fetchRateLimit } from './fetch-rate-limit.ts';
import { newRequestPage, requestAnswer, requestPage } from './request-pages.ts';
import { inputProblemPage, resultPage } from './result-page.ts';
import { scanPage } from './scan-page.ts';
import { TEXT } from './texts.ts';

/**
 * jsQR's browser build and the page scripts, served from our own origin: no CDN, no inline script.
 * A Map, not an object: `/assets/constructor` must not find Object's members.
 */
const ASSETS = new Map<string, string>([
  ['jsQR.js', readFileSync(createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js'), 'utf8')],
  ['scan.js', readFileSync(new URL('./assets/scan.js', import.meta.url), 'utf8')],
  ['request.js', readFileSync(new URL('./assets/request.js', import.meta.url), 'utf8')],
  ['print.js', readFileSync(new URL('./assets/print.js', import.meta.url), 'utf8')],
]);

/** The verifier's pages for people, in kk, ru or en: scan, result, and presentation requests. */
export function createPagesRouter(deps: VerifierDeps): Router {
  const router = Router();

  router.get('/assets/:file', (req, res, next) => {
    const script = ASSETS.get(req.params.file);
    if (!script) return next();
    res.type('text/javascript').set('cache-control', 'public, max-age=3600').send(script);
  });

  router.get('/', (req, res) => {
    res.type('html').send(scanPage(pickLanguage(req, res), '/'));
  });

  router.get('/verify', fetchRateLimit(deps.db, deps.config.writeRateLimit), async (req, res) => {
    const lang = pickLanguage(req, res);
    const url = typeof req.query.presentation === 'string' ? req.query.presentation : '';
    if (!url) return res.redirect(303, `/?lang=${lang}`);
    const path = `/verify?presentation=${encodeURIComponent(url)}`;
    try {
      res.type('html').send(resultPage(await deps.verifier.verifyShareLink(url), lang, path));
    } catch (err) {
      const problem = inputProblem(err);
      res.status(problem.status).type('html').send(inputProblemPage(problem, lang, path));
    }
  });

  router.post('/verify', async (req, res) => {
    const lang = pickLanguage(req, res);
    const input = typeof req.body?.input === 'string' ? req.body.input.trim() : '';
    try {
      const result = /^https?:\/\//i.test(input) ? await deps.verifier.verifyShareLink(input) : await deps.verifier.verifyJwt(input);
      res.type('html').send(resultPage(result, lang, '/'));
    } catch (err) {
      const problem = inputProblem(err);
      res.status(problem.status).type('html').send(inputProblemPage(problem, lang, '/'));
    }
  });

  router.get('/requests/new', (req, res) => {
    res.type('html').send(newRequestPage(pickLanguage(req, res), '/requests/new'));
  });

  router.post('/requests/new', async (req, res) => {
    const lang = pickLanguage(req, res);
    let spec;
    try {
      spec = parseRequestInput(fromForm(req));
    } catch (err) {
      if (!(err instanceof PassportError)) throw err;
      // An IIN that is not one is said in the reader's language, and never repeated back.
      const problem = err.field === 'iin' ? translator(TEXT, lang)('iinInvalid') : err.detail;
      return res.status(400).type('html').send(newRequestPage(lang, '/requests/new', problem));
    }
    const created = await createPresentationRequest(
      { db: deps.db, verifierUrl: deps.config.verifierUrl, lifetimeSeconds: deps.config.verifierRequestSeconds, now: deps.now, passportSecret: deps.config.passportSecret },
      spec,
    );
    // The read token goes in the fragment: browsers keep it through the redirect and never send it on.
    res.set('cache-control', 'no-store').redirect(303, `/requests/${created.id}?lang=${lang}#read=${created.readToken}`);
  });

  router.get('/requests/:id', async (req, res) => {
    const lang = pickLanguage(req, res);
    const request = await findRequest(deps.db, req.params.id);
    if (!request) throw new PassportError('not_found', 'No such presentation request');
    const status = publicStatus(request, deps.now());
    res
      .type('html')
      .set('cache-control', 'no-store')
      .send(requestPage(request, status, requestUrls(deps.config.verifierUrl, request.id), lang, `/requests/${request.id}`));
  });

  router.get('/requests/:id/answer', async (req, res) => {
    const { request, status } = await readPresentationRequest(deps, req.params.id, req);
    res.type('html').set('cache-control', 'no-store').send(String(requestAnswer(request, status, pickLanguage(req, res))));
  });

  return router;
}

/**
 * The error when there was nothing to verify (a gone, refused or silent link, or no credential at
 * all), shown as a page; anything else is a real failure and goes on to the problem handler.
 */
function inputProblem(err: unknown): PassportError {
  if (err instanceof PassportError && (err.status < 500 || err.code === 'fetch_failed')) return err;
  throw err;
}

/** The new-request form as the JSON body `POST /v1/requests` takes; empty fields are left out. */
function fromForm(req: Request): Record<string, unknown> {
  const form = (req.body ?? {}) as Record<string, string | string[] | undefined>;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
  const categories = form.categories === undefined ? [] : Array.isArray(form.categories) ? form.categories : [form.categories];
  const minHours = one(form.minHours);
  return {
    ...(one(form.purpose) ? { purpose: one(form.purpose) } : {}),
    ...(minHours ? { minHours: Number(minHours) } : {}),
    ...(categories.length ? { categories } : {}),
    ...(one(form.since) ? { since: one(form.since) } : {}),
    ...(one(form.iin) ? { iin: one(form.iin) } : {}),
  };
}
