import express, { Router, type Request, type Response } from 'express';
import { join } from 'node:path';
import { pickLanguage } from '../../shared/i18n/index.ts';
import { actorOf, mayAccredit, staffOf, type Actor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { mayAdminister } from '../staff/authority.ts';
import { whoAmI, type Me } from '../staff/me.ts';
import { covers, findUnit } from '../staff/units.ts';
import { createCoordinatorPages } from './coordinator.ts';
import { homeOf } from './nav.ts';
import { accountPage, auditPage, notAllowedPage } from './pages/account.ts';
import { frontOfficePage, frontOfficesPage } from './pages/front-offices.ts';
import { keysPage, organizationPage } from './pages/organization.ts';
import { accreditPage, organizationsPage } from './pages/organizations.ts';
import { peoplePage } from './pages/people.ts';
import { invitationPage, signInPage } from './pages/sign-in.ts';

const ASSETS = join(import.meta.dirname, 'assets');

export type PageHandler = (req: Request, res: Response, page: { lang: ReturnType<typeof pickLanguage>; path: string; me: Me; actor: Actor }) => Promise<string> | string;

/**
 * The console: pages for the people of the registry, front offices and organizations, at `/`.
 * Each page is a server-rendered frame for the signed-in person (from the session cookie) whose
 * scripts, under `/console/`, call the same JSON API as curl does. Nobody signed in: the sign-in
 * form is shown in place of the page, so the address stays what the person asked for.
 */
export function createConsoleRouter(deps: Pick<IssuerDeps, 'db'>): Router {
  const router = Router();
  router.use('/console', express.static(ASSETS, { index: false, fallthrough: true, maxAge: 0 }));

  const signedIn = (handler: PageHandler) => async (req: Request, res: Response) => {
    const lang = pickLanguage(req, res);
    const path = pagePath(req);
    const actor = actorOf(res);
    if (!actor || !staffOf(actor)) return send(res, signInPage(lang, path));
    const me = await whoAmI(deps, actor);
    send(res, await handler(req, res, { lang, path, me, actor }));
  };

  router.get('/', (req, res) => {
    const actor = actorOf(res);
    if (!actor || !staffOf(actor)) return send(res, signInPage(pickLanguage(req, res), pagePath(req)));
    res.redirect(303, homeOf({ unitKind: actor.kind, unitId: actor.kind === 'registry' ? 'registry' : actor.id }));
  });
  router.get('/invitation', (req, res) => send(res, invitationPage(pickLanguage(req, res), pagePath(req))));
  router.get('/people', signedIn((_req, _res, { lang, path, me }) => peoplePage(lang, path, me)));
  router.get('/account', signedIn((_req, _res, { lang, path, me }) => accountPage(lang, path, me)));
  router.get('/audit', signedIn((_req, res, { lang, path, me }) => (me.role === 'admin' ? auditPage(lang, path, me) : refuse(res, notAllowedPage(lang, path, me)))));

  router.get('/front-offices', signedIn((_req, res, { lang, path, me }) => (me.unitKind === 'registry' ? frontOfficesPage(lang, path, me) : refuse(res, notAllowedPage(lang, path, me)))));
  router.get(
    '/front-offices/:id',
    signedIn(async (req, res, { lang, path, me }) => {
      const office = me.unitKind === 'registry' ? await findUnit(deps.db, { kind: 'front_office', id: String(req.params.id) }) : undefined;
      return office ? frontOfficePage(lang, path, me, office) : refuse(res, notAllowedPage(lang, path, me), 404);
    }),
  );

  router.get(
    '/organizations',
    signedIn((req, res, { lang, path, me }) => {
      if (me.unitKind === 'organization') return refuse(res, notAllowedPage(lang, path, me));
      const asked = { region: text(req.query.region), status: text(req.query.status), q: text(req.query.q) };
      return organizationsPage(lang, path, me, asked);
    }),
  );
  router.get(
    '/organizations/new',
    signedIn((_req, res, { lang, path, me }) => (me.unitKind !== 'organization' && me.role !== 'viewer' ? accreditPage(lang, path, me) : refuse(res, notAllowedPage(lang, path, me)))),
  );
  router.get(
    '/organizations/:id',
    signedIn(async (req, res, { lang, path, me, actor }) => {
      const unit = await findUnit(deps.db, { kind: 'organization', id: String(req.params.id) });
      if (!unit || !covers(actor, unit)) return refuse(res, notAllowedPage(lang, path, me), unit ? 403 : 404);
      const access = { mayChangeStatus: me.role !== 'viewer' && mayAccredit(actor, unit.region!), mayAdminister: mayAdminister(actor, unit) };
      return organizationPage(lang, path, me, unit.id, access);
    }),
  );
  router.get(
    '/organizations/:id/keys',
    signedIn(async (req, res, { lang, path, me, actor }) => {
      const unit = await findUnit(deps.db, { kind: 'organization', id: String(req.params.id) });
      if (!unit || !mayAdminister(actor, unit)) return refuse(res, notAllowedPage(lang, path, me), unit ? 403 : 404);
      return keysPage(lang, path, me, unit.id);
    }),
  );
  router.use(createCoordinatorPages(signedIn, refuse));
  return router;
}

function send(res: Response, page: string): void {
  if (res.headersSent) return;
  // The language comes from the cookie and Accept-Language, and the page from the session.
  // Same-origin referrers only: under `no-referrer` some browsers send `Origin: null` with the
  // pages' own writes, which the CSRF guard would then refuse.
  res.set({ 'cache-control': 'no-store', vary: 'Accept-Language, Cookie', 'referrer-policy': 'same-origin' }).type('html').send(page);
}

export function refuse(res: Response, page: string, status = 403): string {
  res.status(status);
  return page;
}

/** The request's path and query without `lang`, so the language links do not pile up. */
function pagePath(req: Request): string {
  const url = new URL(req.originalUrl, 'http://issuer.invalid');
  url.searchParams.delete('lang');
  return url.pathname + url.search;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 200 ? value : undefined;
}
