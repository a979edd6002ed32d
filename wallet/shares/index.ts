export { createSharesRouter } from './router.ts';
export { createShare, shareCredentials, type NewShare } from './create.ts';
export { listShares, findShare, removeShare, type ShareView } from './list.ts';
export { shareUrl, verifyUrl } from './links.ts';
