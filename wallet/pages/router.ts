import { Router, type Response } from 'express';
import type { Config } from '../../shared/config.ts';
import { pickLanguage } from '../../shared/i18n/index.ts';
import type { Logger } from '../../shared/logger.ts';
import { accountPage } from './account.ts';
import { createAssetsRouter } from './assets.ts';
import { claimPage } from './claim.ts';
import { credentialPage } from './credential.ts';
import { pagePath, queryText } from './frame.ts';
import { homePage } from './home.ts';
import { createRecoveryPagesRouter } from './recovery.ts';
import { respondPage } from './respond.ts';
import { sharePage } from './share.ts';

export interface PagesDeps {
  config: Config;
  logger: Logger;
}

/**
 * The volunteer's pages: server-rendered frames in kk, ru or en whose scripts (under `/assets/`)
 * talk to the wallet's JSON API with the session cookie.
 */
export function createPagesRouter(deps: PagesDeps): Router {
  const router = Router();
  router.use('/assets', createAssetsRouter());
  router.use(createRecoveryPagesRouter(deps.config));
  router.get('/', (req, res) => {
    sendPage(res, homePage(pickLanguage(req, res), pagePath(req)));
  });
  router.get('/claim', (req, res) => {
    sendPage(res, claimPage(pickLanguage(req, res), pagePath(req), queryText(req, 'offer')));
  });
  router.get('/credentials/:id', (req, res) => {
    sendPage(res, credentialPage(pickLanguage(req, res), pagePath(req)));
  });
  router.get('/share', (req, res) => {
    sendPage(res, sharePage(pickLanguage(req, res), pagePath(req)));
  });
  router.get('/respond', (req, res) => {
    sendPage(res, respondPage(pickLanguage(req, res), pagePath(req), queryText(req, 'request')));
  });
  router.get('/account', (req, res) => {
    sendPage(res, accountPage(pickLanguage(req, res), pagePath(req)));
  });
  return router;
}

function sendPage(res: Response, page: string): void {
  // The language comes from the cookie and Accept-Language, so caches must key on both.
  // Same-origin referrers only: under `no-referrer` some browsers send `Origin: null` with the
  // pages' own API writes, which the CSRF guard could not tell from a sandboxed stranger.
  res.set({ 'cache-control': 'no-store', vary: 'Accept-Language, Cookie', 'referrer-policy': 'same-origin' }).type('html').send(page);
}

