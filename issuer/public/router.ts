import { Router } from 'express';
import type { Config } from '../../shared/config.ts';
import { CONTEXT_PATH, SCHEMA_PATH, contextDocument, volunteerActivitySchema } from '../../shared/credential/index.ts';
import { VCT_PATH, volunteerActivityTypeMetadata } from '../../shared/sd-jwt-vc/index.ts';

/**
 * The JSON-LD context and the JSON Schema that every volunteer credential names, and the type
 * metadata an SD-JWT VC's `vct` names, served from the issuer's own host so that the URLs inside
 * credentials resolve.
 */
export function createPublicRouter(config: Pick<Config, 'issuerUrl'>): Router {
  const router = Router();
  const context = JSON.stringify(contextDocument);
  // The schema's own $id is relative; served, it must name the URL it is served from, or a
  // validator resolving references against it would look in the wrong place.
  const schema = JSON.stringify({ ...volunteerActivitySchema, $id: `${config.issuerUrl}${SCHEMA_PATH}` });
  const typeMetadata = JSON.stringify(volunteerActivityTypeMetadata(config.issuerUrl));
  const headers = { 'cache-control': 'public, max-age=3600', 'access-control-allow-origin': '*' };

  router.get(CONTEXT_PATH, (_req, res) => {
    res.type('application/ld+json').set(headers).send(context);
  });
  router.get(SCHEMA_PATH, (_req, res) => {
    res.type('application/schema+json').set(headers).send(schema);
  });
  router.get(VCT_PATH, (_req, res) => {
    res.type('application/json').set(headers).send(typeMetadata);
  });
  return router;
}
