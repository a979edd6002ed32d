import { createRequire } from 'node:module';
import { Router, type RequestHandler } from 'express';
import type { IssuerDeps } from '../deps.ts';
import { findEvent } from '../events/view.ts';
import { notAllowedPage } from './pages/account.ts';
import { eventPage, eventsPage } from './pages/events.ts';
import type { PageHandler } from './router.ts';

const JSQR_FILE = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');

/** The events pages (issue 12), for organizations' people: the list with the form, and one event. */
export function createEventPagesRouter(deps: Pick<IssuerDeps, 'db'>, signedIn: (handler: PageHandler) => RequestHandler): Router {
  const router = Router();
  // The QR decoder for scanning a volunteer's personal check-in code, from our own origin.
  router.get('/console/jsQR.js', (_req, res, next) => {
    res.sendFile(JSQR_FILE, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' } }, (err) => {
      if (err) next(err);
    });
  });
  router.get(
    '/events',
    signedIn((_req, res, { lang, path, me }) => {
      if (me.unitKind !== 'organization') {
        res.status(403);
        return notAllowedPage(lang, path, me);
      }
      return eventsPage(lang, path, me, me.region ?? undefined);
    }),
  );
  router.get(
    '/events/:id',
    signedIn(async (req, res, { lang, path, me }) => {
      const found = me.unitKind === 'organization' ? await findEvent(deps.db, me.unitId, String(req.params.id)).catch(() => undefined) : undefined;
      if (!found) {
        res.status(404);
        return notAllowedPage(lang, path, me);
      }
      return eventPage(lang, path, me, found.id);
    }),
  );
  return router;
}
