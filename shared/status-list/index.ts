export { StatusBitstring, MIN_STATUS_LIST_SIZE, randomStatusIndex } from './bitstring.ts';
export { fetchStatusList, type FetchStatusListOptions, type FetchedStatusList } from './fetch.ts';
export { STATUS_LIST_JWT_TYPE, tokenStatusList, readTokenStatusList, type TokenStatusBits } from './token-list.ts';
