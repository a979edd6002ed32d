export * from './vocabulary.ts';
export { ActivitySchema, parseActivity, activityProblems, checkActivity, activityRules, daysInclusive, EARLIEST_ACTIVITY_DATE, type Activity } from './activity.ts';
export { credentialSchemaProblems, volunteerActivitySchema, contextDocument } from './schema.ts';
export { buildVolunteerCredential, type VolunteerCredentialInput } from './build.ts';
export type { VolunteerActivityCredential, BitstringStatusListEntry } from './types.ts';
export { CATEGORY_NAMES, categoryName } from './category-names.ts';
