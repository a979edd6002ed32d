export { createPublicRouter } from './router.ts';
export { publicOpenApiPaths } from './openapi.ts';
