export { createActivitiesRouter } from './router.ts';
export { recordActivities, type RecordOutcome } from './record.ts';
export { recordBatch, BATCH_BODY_LIMIT, BATCH_MAX_ROWS, BATCH_PATH, type BatchResult } from './batch.ts';
export { checkActivityRequest, requestFingerprint, type ActivityRequest, type InputProblem } from './input.ts';
export { parseActivityCsv, CSV_COLUMNS } from './csv.ts';
export { listActivities, getActivity, type ActivityPage } from './list.ts';
export { activityView, effectiveStatus, type ActivityView, type ActivityStatus } from './view.ts';
export { newOfferLink, offerUri, credentialOfferUrl, openOfferToken, OFFER_LIFETIME_DAYS } from './offer-link.ts';
