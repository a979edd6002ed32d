import type { Activity } from './activity.ts';
import type { LocalizedText } from './vocabulary.ts';

export interface BitstringStatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'revocation' | 'suspension';
  statusListIndex: string;
  statusListCredential: string;
}

/** A VolunteerActivityCredential as decoded from its JWT's `vc` claim and normalized (DESIGN.md). */
export interface VolunteerActivityCredential {
  '@context': string[];
  id: string;
  type: string[];
  issuer: { id: string; name?: string | LocalizedText };
  issuanceDate: string;
  expirationDate?: string;
  credentialSubject: { id: string; name?: string; activity: Activity };
  credentialStatus?: BitstringStatusListEntry;
  credentialSchema?: { id: string; type: 'JsonSchema' };
}
