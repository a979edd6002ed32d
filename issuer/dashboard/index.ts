export { createDashboardRouter } from './router.ts';
export { dashboardOpenApiPaths } from './openapi.ts';
