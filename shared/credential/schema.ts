import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import volunteerActivitySchema from './schema.json' with { type: 'json' };
import contextDocument from './context.json' with { type: 'json' };
import { activityProblems } from './activity.ts';

export { volunteerActivitySchema, contextDocument };

// ajv-formats is CommonJS; under ESM its function is the default export's default.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(volunteerActivitySchema);

/**
 * Checks a decoded credential against the VolunteerActivityCredential JSON Schema and the
 * activity's cross-field rules (dates in order, at most 24 hours a day). Returns the problems,
 * each naming its field; an empty list means the credential conforms.
 */
export function credentialSchemaProblems(credential: unknown, now: Date = new Date()): string[] {
  const problems: string[] = [];
  if (!validate(credential)) {
    for (const e of validate.errors ?? []) problems.push(`${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
    return problems;
  }
  const activity = (credential as { credentialSubject: { activity: unknown } }).credentialSubject.activity;
  // The future-date rule applies when recording, not when reading back an old credential.
  const farFuture = new Date(Math.max(now.getTime(), Date.parse('9999-12-30')));
  for (const p of activityProblems(activity, 'credentialSubject.activity', farFuture)) problems.push(`${p.field} ${p.message}`);
  return problems;
}
