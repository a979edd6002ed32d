import type { Queryable } from '../../shared/db/index.ts';
import { mayAccredit, type Actor } from '../auth/index.ts';
import type { OrganizationProfile } from './profile.ts';

/** One accreditation interval as its overseers see it: who opened and closed it, and why it ended. */
export interface IntervalRecord {
  from: string;
  until: string | null;
  grantedBy: string;
  endedBy?: string;
  endReason?: string;
}

/** What the organization itself and those who accredit it see beyond the public profile. */
export interface OversightRecord {
  contact?: string;
  history: IntervalRecord[];
}

/** The organization itself, the registry, and the front office of its region. */
export function mayOversee(actor: Actor | undefined, profile: Pick<OrganizationProfile, 'id' | 'region'>): boolean {
  if (actor?.kind === 'organization') return actor.id === profile.id;
  return mayAccredit(actor, profile.region);
}

export async function oversightRecord(db: Queryable, id: string): Promise<OversightRecord> {
  const org = await db.get<{ contact: string | null }>('SELECT contact FROM organizations WHERE id = ?', [id]);
  const intervals = await db.all<{ accredited_from: string; accredited_until: string | null; granted_by: string; ended_by: string | null; end_reason: string | null }>(
    'SELECT accredited_from, accredited_until, granted_by, ended_by, end_reason FROM accreditation_intervals WHERE organization_id = ? ORDER BY seq',
    [id],
  );
  return {
    ...(org?.contact ? { contact: org.contact } : {}),
    history: intervals.map((i) => ({
      from: i.accredited_from,
      until: i.accredited_until,
      grantedBy: i.granted_by,
      ...(i.ended_by ? { endedBy: i.ended_by } : {}),
      ...(i.end_reason ? { endReason: i.end_reason } : {}),
    })),
  };
}
