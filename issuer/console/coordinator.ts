import { Router, type Request, type RequestHandler, type Response } from 'express';
import { notAllowedPage } from './pages/account.ts';
import { activitiesPage } from './pages/activities.ts';
import { projectsPage } from './pages/projects.ts';
import { recordPage } from './pages/record.ts';
import { uploadPage } from './pages/upload.ts';
import type { PageHandler } from './router.ts';

type SignedIn = (handler: PageHandler) => RequestHandler;
type Refuse = (res: Response, page: string, status?: number) => string;

/**
 * The coordinator's pages, for the people of an organization: record one activity, upload a
 * spreadsheet with a preview, follow the activities up, and keep the projects. Viewers see the
 * list and the projects; recording and uploading are for members and admins. People of other
 * units have no activities of their own: they are refused.
 */
export function createCoordinatorPages(signedIn: SignedIn, refuse: Refuse): Router {
  const router = Router();
  const forOrganization = (writes: boolean, render: PageHandler): RequestHandler =>
    signedIn((req: Request, res: Response, page) => {
      const { me, lang, path } = page;
      if (me.unitKind !== 'organization' || (writes && me.role === 'viewer')) return refuse(res, notAllowedPage(lang, path, me));
      return render(req, res, page);
    });

  router.get('/activities', forOrganization(false, (_req, _res, { lang, path, me }) => activitiesPage(lang, path, me)));
  router.get('/activities/new', forOrganization(true, (_req, _res, { lang, path, me }) => recordPage(lang, path, me)));
  router.get('/activities/upload', forOrganization(true, (_req, _res, { lang, path, me }) => uploadPage(lang, path, me)));
  router.get('/projects', forOrganization(false, (_req, _res, { lang, path, me }) => projectsPage(lang, path, me)));
  return router;
}
