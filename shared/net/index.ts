export { createGuardedFetch, type GuardedFetch, type GuardedFetchOptions, type GuardedResponse, type GuardedRequest } from './guarded-fetch.ts';
export { isForbiddenAddress } from './address.ts';
