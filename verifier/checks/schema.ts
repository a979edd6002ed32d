import { credentialSchemaProblems } from '../../shared/credential/index.ts';
import type { CredentialUnderTest } from '../credentials/read-credential.ts';
import { SCHEMA } from './ids.ts';
import { failed, passed, type Check } from './outcome.ts';

/** The credential, in its data-model shape, conforms to the VolunteerActivityCredential schema and rules. */
export function checkSchema(c: CredentialUnderTest, now: Date): Check {
  const problems = credentialSchemaProblems(c.credential, now);
  if (problems.length) return failed(SCHEMA, 'schema_violation', problems.join('; '), { problems });
  return passed(SCHEMA, 'A VolunteerActivityCredential as its JSON Schema describes');
}
