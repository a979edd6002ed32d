export { createVcApiRouter } from './router.ts';
export { issueByVcApi } from './issue.ts';
