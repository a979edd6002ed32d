export { createActivitiesRouter, BATCH_RAW_TYPES, XLSX_TYPE } from './router.ts';
export { recordActivities, type RecordOutcome } from './record.ts';
export { recordBatch, BATCH_BODY_LIMIT, BATCH_MAX_ROWS, BATCH_PATH, type BatchResult } from './batch.ts';
export { checkActivityRequest, requestFingerprint, rowIdempotencyKey, type ActivityRequest, type InputProblem } from './input.ts';
export { listActivities, getActivity, allActivities, type ActivityPage } from './list.ts';
export { activityView, effectiveStatus, offerLinks, type ActivityView, type ActivityStatus } from './view.ts';
export { newOfferLink, offerUri, claimUrl, credentialOfferUrl, openOfferToken, OFFER_LIFETIME_DAYS } from './offer-link.ts';
export { CONSOLE_MIGRATIONS } from './migrations.ts';
export { startMailWorker, type MailWorker } from './mail/worker.ts';
