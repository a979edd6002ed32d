import type { StartedService } from '../../helpers/services.ts';

export type Schema = Record<string, any>;

/** One operation of a service's OpenAPI document, as the fuzzer sends it. */
export interface Route {
  service: StartedService;
  method: string;
  /** The path template, `/v1/activities/{id}`. */
  template: string;
  /** The JSON schema of the request body, when the operation takes JSON. */
  bodySchema?: Schema;
  /** Takes a form (`application/x-www-form-urlencoded`) rather than JSON. */
  form: boolean;
  /** Serves a page (HTML, or a 200 with no declared content): it may answer its errors as a page. */
  page: boolean;
  /** Resolves `$ref`s of the document. */
  resolve(ref: string): Schema | undefined;
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json$/;

/**
 * Every operation of the service's `/openapi.json`, so that a route added tomorrow is fuzzed too;
 * plus one made-up route, for paths and methods that match nothing.
 */
export async function routesOf(service: StartedService): Promise<Route[]> {
  const doc = (await (await fetch(`${service.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, Schema>> };
  const resolve = (ref: string) => ref.replace(/^#\//, '').split('/').reduce<any>((node, key) => node?.[key], doc) as Schema | undefined;
  const routes: Route[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (method === 'parameters' || method === 'head') continue;
      const content = (operation.requestBody?.content ?? {}) as Record<string, { schema?: Schema }>;
      const jsonType = Object.keys(content).find((t) => JSON_TYPE.test(t));
      const responses = (operation.responses ?? {}) as Record<string, { content?: Record<string, unknown> }>;
      const ok = Object.entries(responses).find(([status]) => status.startsWith('2') || status.startsWith('3'))?.[1];
      const page = Object.values(responses).some((r) => 'text/html' in (r.content ?? {})) || (ok !== undefined && !ok.content);
      routes.push({
        service,
        method: method.toUpperCase(),
        template,
        ...(jsonType ? { bodySchema: content[jsonType]!.schema ?? {} } : {}),
        form: 'application/x-www-form-urlencoded' in content,
        page: !jsonType && page,
        resolve,
      });
    }
  }
  routes.push({ service, method: 'ANY', template: '/{anything}', form: false, page: false, resolve });
  return routes;
}
