import type { Config } from '../shared/config.ts';
import { issuanceOpenApiPaths } from './issuance/openapi.ts';
import { problemSchema } from '../shared/http/openapi.ts';
import { registryOpenApiPaths } from './registry/openapi.ts';
import { dashboardOpenApiPaths } from './dashboard/index.ts';
import { apiKeysOpenApiPaths } from './api-keys/index.ts';
import { consoleOpenApiPaths } from './console/index.ts';
import { journalOpenApiPaths } from './journal/index.ts';
import { staffOpenApiPaths } from './staff/index.ts';
import { statsOpenApiPaths } from './stats/index.ts';
import { eventsOpenApiPaths } from './events/openapi.ts';

/** The issuer's OpenAPI 3.1 document: every route, its inputs, and its problem-details errors. */
export function issuerOpenApi(config: Config): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Volunteer Passport issuer', version: '1.0.0', description: 'Accreditation, activities, OpenID4VCI issuance and revocation.' },
    servers: [{ url: config.issuerUrl }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'PASSPORT_ADMIN_TOKEN, an API key, or a staff session token (vp_staff_…); the console pages use the passport_staff cookie instead' } },
      schemas: { Problem: problemSchema },
    },
    paths: { ...registryOpenApiPaths, ...issuanceOpenApiPaths, ...statsOpenApiPaths, ...dashboardOpenApiPaths, ...staffOpenApiPaths, ...apiKeysOpenApiPaths, ...journalOpenApiPaths, ...consoleOpenApiPaths, ...eventsOpenApiPaths },
  };
}
