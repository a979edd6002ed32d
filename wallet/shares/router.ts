import { Router, type Request } from 'express';
import { PassportError } from '../../shared/errors.ts';
import { pickLanguage } from '../../shared/i18n/index.ts';
import { qrPng } from '../../shared/qr.ts';
import type { WalletDeps } from '../deps.ts';
import { requireVolunteer, volunteerOf } from '../sessions/index.ts';
import { createShare } from './create.ts';
import { shareUrl, verifyUrl } from './links.ts';
import { findShare, listShares, removeShare } from './list.ts';
import { openShare } from './open.ts';
import { shareMissingPage, sharePage } from './page.ts';

export function createSharesRouter(deps: WalletDeps): Router {
  const router = Router();
  router.post('/v1/shares', requireVolunteer(deps), async (req, res) => {
    res.status(201).json(await createShare(deps, volunteerOf(res), req.body));
  });
  router.get('/v1/shares', requireVolunteer(deps), async (_req, res) => {
    res.set('cache-control', 'no-store').json({ shares: await listShares(deps, volunteerOf(res).id) });
  });
  router.get('/v1/shares/:id/qr.png', requireVolunteer(deps), async (req, res) => {
    const share = await findShare(deps, volunteerOf(res).id, String(req.params.id));
    res.type('image/png').set('cache-control', 'private, no-store').send(await qrPng(share.verifyUrl));
  });
  router.delete('/v1/shares/:id', requireVolunteer(deps), async (req, res) => {
    await removeShare(deps.db, volunteerOf(res).id, String(req.params.id));
    res.status(204).end();
  });

  // The link itself: no session, anyone holding it may see the presentation until it is deleted or expires.
  router.get('/p/:token', async (req, res) => {
    const token = String(req.params.token);
    const machine = wantsJwt(req);
    res.set('cache-control', 'no-store').set('referrer-policy', 'no-referrer');
    try {
      const share = await openShare(deps.db, token, deps.now());
      if (machine) {
        res.type('application/jwt').send(share.vpJwt);
        return;
      }
      const lang = pickLanguage(req, res);
      res.type('html').send(sharePage({ lang, path: req.path, vpJwt: share.vpJwt, expiresAt: share.expiresAt, verifyUrl: verifyUrl(deps.config, shareUrl(deps.config, token)) }));
    } catch (err) {
      if (machine || !(err instanceof PassportError) || (err.code !== 'not_found' && err.code !== 'gone')) throw err;
      res.status(err.status).type('html').send(shareMissingPage({ lang: pickLanguage(req, res), path: req.path, expired: err.code === 'gone' }));
    }
  });
  return router;
}

/** Machines ask with `Accept: application/jwt` (or `?format=jwt`); browsers prefer HTML. */
function wantsJwt(req: Request): boolean {
  if (req.query.format === 'jwt') return true;
  return req.accepts(['text/html', 'application/jwt']) === 'application/jwt';
}

