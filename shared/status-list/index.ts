export { StatusBitstring, MIN_STATUS_LIST_SIZE, randomStatusIndex } from './bitstring.ts';
export { fetchStatusList, type FetchStatusListOptions, type FetchedStatusList } from './fetch.ts';
