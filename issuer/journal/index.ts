export { createJournalRouter } from './router.ts';
export { journalOpenApiPaths } from './openapi.ts';
export { listJournal, type JournalEntry } from './list.ts';
