import type { Activity, BitstringStatusListEntry, LocalizedText } from '../../shared/credential/index.ts';
import { confirmationOf, volunteerActivityVct } from '../../shared/sd-jwt-vc/index.ts';

export interface SdJwtClaimsInput {
  issuerUrl: string;
  organizationName: LocalizedText;
  holderDid: string;
  volunteerName: string;
  /** Only when the organization recorded it. */
  iin: string | undefined;
  activity: Activity;
  status: BitstringStatusListEntry;
  now: Date;
}

/**
 * The claims of a volunteer activity SD-JWT VC (SD-JWT VC, section 3.2.2): the type (`vct`), the
 * holder's key (`cnf`), the same status bit as the VC-JWT of that activity (revoking one revokes
 * both), the organization's names and the activity in the clear, and the volunteer's name and IIN,
 * which the issuer turns into disclosures (see `signSdJwtCredential`). No `jti` and no `sub`: the
 * holder is named by its key, and nothing else follows the credential from verifier to verifier.
 */
export function sdJwtVcClaims(input: SdJwtClaimsInput): { vct: string } & Record<string, unknown> {
  return {
    vct: volunteerActivityVct(input.issuerUrl),
    iat: Math.floor(input.now.getTime() / 1000),
    cnf: confirmationOf(input.holderDid),
    status: { status_list: { idx: Number(input.status.statusListIndex), uri: input.status.statusListCredential } },
    issuer_name: input.organizationName,
    activity: { achievementType: 'CommunityService', ...input.activity },
    name: input.volunteerName,
    ...(input.iin ? { iin: input.iin } : {}),
  };
}
