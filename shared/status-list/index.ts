export { StatusBitstring, MIN_STATUS_LIST_SIZE, randomStatusIndex } from './bitstring.ts';
export { fetchStatusList, revalidateStatusList, type FetchStatusListOptions, type FetchedStatusList } from './fetch.ts';
export { gunzipBounded, inflateZlibBounded } from './inflate.ts';
export {
  ByteBudget,
  MAX_STATUS_ENTRIES,
  MAX_STATUS_LIST_BYTES,
  MAX_STATUS_LIST_JWT_BYTES,
  MIN_STATUS_LIST_TTL_MS,
  STATUS_BUDGET_EXCEEDED,
  STATUS_BYTES_PER_VERIFICATION,
  STATUS_LIST_TOO_LARGE,
  reasonOf,
} from './limits.ts';
export { createStatusListSource, type StatusListSource, type StatusListSourceOptions } from './source.ts';
export { STATUS_LIST_JWT_TYPE, tokenStatusList, readTokenStatusList, type TokenStatusBits } from './token-list.ts';
export { fetchTokenStatusList, type FetchedTokenStatusList, type FetchTokenStatusListOptions } from './fetch-token.ts';
export { createTokenStatusListSource, type TokenStatusListSource } from './token-source.ts';
