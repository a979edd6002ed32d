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
  const problems = credentialSchemaProblems(c.credential, now);
  if (problems.length) return failed(SCHEMA, 'schema_violation', problems.join('; '), { problems });
  return passed(SCHEMA, 'A VolunteerActivityCredential as its JSON Schema describes');
}
