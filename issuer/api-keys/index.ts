export { createApiKeysRouter } from './router.ts';
export { apiKeysOpenApiPaths } from './openapi.ts';
export { createNamedApiKey, listApiKeys, revokeApiKey, type ApiKeySummary } from './manage.ts';
