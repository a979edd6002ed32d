import { credentialSchemaProblems, VOLUNTEER_CREDENTIAL_TYPE } from '../../shared/credential/index.ts';
import { types } from '../credentials/claims.ts';
import type { CredentialUnderTest } from '../credentials/read-credential.ts';
import { SCHEMA } from './ids.ts';
import { failed, notApplicable, passed, type Check } from './outcome.ts';

/**
 * A VolunteerActivityCredential, in its data-model shape, conforms to its JSON Schema and rules.
 * The schema belongs to that type: a credential of another type has none here to be judged by.
 */
export function checkSchema(c: CredentialUnderTest, now: Date): Check {
  if (!types(c.credential.type).includes(VOLUNTEER_CREDENTIAL_TYPE)) {
    return notApplicable(SCHEMA, `Not a ${VOLUNTEER_CREDENTIAL_TYPE}: this verifier holds no schema for its types`);
  }
  const problems = schemaProblemsOf(c, now);
  if (problems.length) return failed(SCHEMA, 'schema_violation', problems.join('; '), { problems });
  return passed(SCHEMA, 'A VolunteerActivityCredential as its JSON Schema describes');
}

/**
 * A credential's schema verdict depends on its text alone (the future-date rule is not applied
 * when reading back, see `credentialSchemaProblems`), so the verdicts of recently verified JWTs
 * are remembered: a credential verified again, the common case at hiring season, skips the
 * JSON Schema and activity rules. Bounded in entries and in the size of the JWTs it keeps.
 */
function schemaProblemsOf(c: CredentialUnderTest, now: Date): string[] {
  const remembered = verdicts.get(c.jwt);
  if (remembered) return remembered;
  const problems = credentialSchemaProblems(c.credential, now);
  if (c.jwt.length <= VERDICT_MAX_CHARS) {
    if (verdicts.size >= VERDICTS) verdicts.delete(verdicts.keys().next().value!);
    verdicts.set(c.jwt, Object.freeze(problems) as string[]);
  }
  return problems;
}

const VERDICTS = 1_000;
const VERDICT_MAX_CHARS = 16 * 1024;
const verdicts = new Map<string, string[]>();
