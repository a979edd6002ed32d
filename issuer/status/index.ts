export { createStatusRouter } from './router.ts';
export { allocateStatusSlot, type StatusSlot } from './allocate.ts';
export { publishedStatusList, STATUS_LIST_CONTEXT, type PublishedStatusList } from './publish.ts';
export { statusListUrl } from './url.ts';
