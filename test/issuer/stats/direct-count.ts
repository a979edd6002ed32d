/** One activity as the test made it, and what became of it. */
export interface MadeActivity {
  id: string;
  organization: string;
  category: string;
  region: string;
  project: string | null;
  /** The day it ended (YYYY-MM-DD). */
  end: string;
  hours: number;
  /** The did:key that claimed its credential; null when never claimed. */
  holder: string | null;
  revoked: boolean;
  withdrawn: boolean;
}

export const MEASURES = ['volunteers', 'organizations', 'activities', 'credentialsClaimed', 'credentialsRevoked', 'hours'] as const;
type Measures = Record<(typeof MEASURES)[number], number | string>;

const KEYS = { byCategory: 'category', byRegion: 'region', byProject: 'project', byOrganization: 'organization', byMonth: 'month' } as const;

/**
 * The accounting counted by hand over the test's own record of what it made, with the small
 * cell rule applied: the figures `/v1/stats` must equal.
 */
export function directCount(made: MadeActivity[]): { totals: Measures; keys: typeof KEYS } & Record<keyof typeof KEYS, Record<string, Measures>> {
  const rows = made.filter((m) => !m.withdrawn);
  const by = (pick: (m: MadeActivity) => string | null) => {
    const groups = new Map<string, MadeActivity[]>();
    for (const r of rows) groups.set(String(pick(r)), [...(groups.get(String(pick(r))) ?? []), r]);
    return Object.fromEntries([...groups].map(([k, g]) => [k, cell(g)]));
  };
  return {
    keys: KEYS,
    totals: cell(rows),
    byCategory: by((m) => m.category),
    byRegion: by((m) => m.region),
    byProject: by((m) => m.project),
    byOrganization: by((m) => m.organization),
    byMonth: by((m) => m.end.slice(0, 7)),
  };
}

function cell(rows: MadeActivity[]): Measures {
  const valid = rows.filter((r) => r.holder && !r.revoked);
  const volunteers = new Set(valid.map((r) => r.holder)).size;
  return {
    volunteers: volunteers > 0 && volunteers < 5 ? '<5' : volunteers,
    organizations: new Set(rows.map((r) => r.organization)).size,
    activities: rows.length,
    credentialsClaimed: rows.filter((r) => r.holder).length,
    credentialsRevoked: rows.filter((r) => r.revoked).length,
    hours: Math.round(valid.reduce((s, r) => s + r.hours, 0) * 100) / 100,
  };
}
