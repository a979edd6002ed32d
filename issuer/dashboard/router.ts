import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router } from 'express';
import { pickLanguage } from '../../shared/i18n/index.ts';
import { actorOf, staffOf } from '../auth/index.ts';
import { DASHBOARD_SCRIPTS, dashboardPage } from './page.ts';

const CLIENT = join(import.meta.dirname, 'client');

/**
 * Chart.js from our own origin (no CDN: the CSP allows scripts from 'self' only). Its trailing
 * source-map comment is dropped so browsers do not ask for a map we do not serve.
 */
function chartJsBundle(): string {
  const main = createRequire(import.meta.url).resolve('chart.js');
  return readFileSync(join(dirname(main), 'chart.umd.js'), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

/**
 * `GET /dashboard`: the accounting of volunteer work as charts and tables, in kk, ru or en. The
 * page itself holds no figures; its script fetches `/v1/stats` with the key the reader types in.
 */
export function createDashboardRouter(): Router {
  const router = Router();
  const chartJs = chartJsBundle();
  const scripts = new Map(DASHBOARD_SCRIPTS.map((file) => [file, readFileSync(join(CLIENT, file), 'utf8')]));
  const style = readFileSync(join(CLIENT, 'dashboard.css'), 'utf8');
  const cached = { 'cache-control': 'public, max-age=3600' };

  router.get('/dashboard', (req, res) => {
    // A person of the registry or a front office signed in to the console needs no key here.
    const actor = actorOf(res);
    const consoleSession = Boolean(staffOf(actor)) && actor!.kind !== 'organization';
    res.type('html').set({ 'cache-control': 'no-store', vary: 'Accept-Language, Cookie' }).send(dashboardPage(pickLanguage(req, res), { consoleSession }));
  });
  for (const [file, script] of scripts) {
    router.get(`/dashboard/${file}`, (_req, res) => {
      res.type('text/javascript').set(cached).send(script);
    });
  }
  router.get('/dashboard/dashboard.css', (_req, res) => {
    res.type('text/css').set(cached).send(style);
  });
  router.get('/assets/chart.umd.js', (_req, res) => {
    res.type('text/javascript').set(cached).send(chartJs);
  });
  return router;
}
