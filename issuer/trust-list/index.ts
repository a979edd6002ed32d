export { createTrustListRouter } from './router.ts';
export { createTrustListPublisher, type TrustListPublisher, type SignedTrustList } from './publish.ts';
export { buildTrustListPayload, TRUST_LIST_LIFETIME_S } from './build.ts';
export { trustListVersion, TRUST_LIST_ACTIONS } from './version.ts';
export { trustListOpenApiPaths } from './openapi.ts';
