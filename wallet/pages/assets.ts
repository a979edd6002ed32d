import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import express, { Router } from 'express';

const ASSETS_DIR = resolve(import.meta.dirname, '../assets');
/** jsQR's browser build, served from our own origin: the pages load nothing from a CDN. */
const JSQR_FILE = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');

/**
 * `/assets/…`: the bundled QR decoder and the pages' scripts (the shared stylesheet comes with
 * `createServiceApp`). Revalidated on each use (ETag), so a new version of the wallet never runs
 * with a stale script.
 */
export function createAssetsRouter(): Router {
  const router = Router();
  router.get('/jsQR.js', (_req, res, next) => {
    // sendFile calls back on success too: passing `next` itself would run the 404 handler after the
    // file was sent, and Express would then destroy the connection under the client.
    res.sendFile(JSQR_FILE, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' } }, (err) => {
      if (err) next(err);
    });
  });
  router.use(express.static(ASSETS_DIR, { index: false, fallthrough: true, cacheControl: true, maxAge: 0 }));
  return router;
}
