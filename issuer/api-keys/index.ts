export { createApiKeysRouter } from './router.ts';
export { apiKeysOpenApiPaths } from './openapi.ts';
export { createOrganizationKey, listOrganizationKeys, revokeOrganizationKey, type ApiKeySummary } from './manage.ts';
