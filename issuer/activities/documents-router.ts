import { Router } from 'express';
import type { SecretBox } from '../../shared/crypto/index.ts';
import { isLanguage, pickLanguage } from '../../shared/i18n/index.ts';
import { organizationOf } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { renderOfferCards } from './cards/render.ts';
import { offerCards } from './cards/select.ts';
import { activitiesCsv, activitiesXlsx } from './export.ts';
import { allActivities, type ActivityFilter } from './list.ts';
import { FilterSchema, parseQuery } from './query.ts';
import { csvTemplate, xlsxTemplate } from './sheet/template.ts';
import { PassportError } from '../../shared/errors.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Files for people: templates to fill in, printable offer cards, and the list exported. */
export function createDocumentsRouter(deps: IssuerDeps, box: SecretBox): Router {
  const router = Router();
  const langOf = (q: unknown) => (isLanguage(q) ? q : undefined);

  router.get('/v1/activities/template.xlsx', async (req, res) => {
    const lang = langOf(req.query.lang) ?? pickLanguage(req);
    res.type(XLSX).attachment(`activities-template-${lang}.xlsx`).send(await xlsxTemplate(lang));
  });
  router.get('/v1/activities/template.csv', (req, res) => {
    const lang = langOf(req.query.lang) ?? pickLanguage(req);
    res.type('text/csv; charset=utf-8').attachment(`activities-template-${lang}.csv`).send(csvTemplate(lang));
  });

  router.get('/v1/activities/cards.pdf', async (req, res) => {
    const filter = parseQuery(FilterSchema.pick({ ids: true, upload: true }), req);
    if (!filter.ids && !filter.upload) throw new PassportError('invalid_request', 'ids (comma-separated activity ids) or upload is required', { field: 'ids' });
    const cards = await offerCards(deps, box, organizationOf(res).id, filter);
    const pdf = await renderOfferCards(cards, pickLanguage(req));
    res.type('application/pdf').set('cache-control', 'private, no-store').attachment('offer-cards.pdf').send(pdf);
  });

  router.get('/v1/activities/export.csv', async (req, res) => {
    const items = await allActivities(deps, box, organizationOf(res).id, parseQuery(FilterSchema, req) as ActivityFilter);
    res.type('text/csv; charset=utf-8').set('cache-control', 'private, no-store').attachment('activities.csv').send(activitiesCsv(items));
  });
  router.get('/v1/activities/export.xlsx', async (req, res) => {
    const items = await allActivities(deps, box, organizationOf(res).id, parseQuery(FilterSchema, req) as ActivityFilter);
    res.type(XLSX).set('cache-control', 'private, no-store').attachment('activities.xlsx').send(await activitiesXlsx(items));
  });
  return router;
}
