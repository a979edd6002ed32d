import type { Activity } from './activity.ts';
import type { BitstringStatusListEntry, VolunteerActivityCredential } from './types.ts';
import { CONTEXT_PATH, SCHEMA_PATH, VC_V1_CONTEXT, VOLUNTEER_CREDENTIAL_TYPE, type LocalizedText } from './vocabulary.ts';

export interface VolunteerCredentialInput {
  /** The issuing service's base URL: context and schema are served there. */
  issuerUrl: string;
  id: string;
  issuer: { id: string; name?: string | LocalizedText };
  issuanceDate: string;
  subject: { id: string; name?: string };
  activity: Activity;
  status?: BitstringStatusListEntry;
}

/** The unsigned credential body of one completed activity, shaped as DESIGN.md shows it. */
export function buildVolunteerCredential(input: VolunteerCredentialInput): VolunteerActivityCredential {
  return {
    '@context': [VC_V1_CONTEXT, `${input.issuerUrl}${CONTEXT_PATH}`],
    id: input.id,
    type: ['VerifiableCredential', VOLUNTEER_CREDENTIAL_TYPE],
    issuer: input.issuer,
    issuanceDate: input.issuanceDate,
    credentialSubject: {
      id: input.subject.id,
      ...(input.subject.name ? { name: input.subject.name } : {}),
      activity: { achievementType: 'CommunityService', ...input.activity },
    },
    ...(input.status ? { credentialStatus: input.status } : {}),
    credentialSchema: { id: `${input.issuerUrl}${SCHEMA_PATH}`, type: 'JsonSchema' },
  };
}
