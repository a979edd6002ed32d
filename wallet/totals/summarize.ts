import type { CheckedCredential } from '../credentials/index.ts';
import { organizationName, type CredentialStatus } from '../credentials/index.ts';

export interface Totals {
  /** Hours of the credentials that verify now. */
  totalHours: number;
  counted: number;
  byCategory: { category: string; hours: number; count: number }[];
  /** By the year the activity ended. */
  byYear: { year: number; hours: number; count: number }[];
  byOrganization: { did: string; id: string | null; name: Record<'kk' | 'ru' | 'en', string>; hours: number; count: number }[];
  /** Credentials left out, counted by the reason. */
  excluded: { total: number; byStatus: Partial<Record<Exclude<CredentialStatus, 'valid'>, number>> };
}

/**
 * Verified totals: only credentials whose status is `valid` now count, so the totals are what any
 * verifier would confirm. Hours are summed in hundredths to keep 18.5 + 0.1 from drifting.
 */
export function summarize(checked: readonly CheckedCredential[]): Totals {
  const valid = checked.filter((c) => c.report.status === 'valid');
  const byStatus: Totals['excluded']['byStatus'] = {};
  for (const c of checked) {
    if (c.report.status !== 'valid') byStatus[c.report.status] = (byStatus[c.report.status] ?? 0) + 1;
  }
  const categories = new Map<string, Bucket>();
  const years = new Map<number, Bucket>();
  const organizations = new Map<string, Bucket & { id: string | null; name: Record<'kk' | 'ru' | 'en', string> }>();
  let total = 0;
  for (const { stored, report } of valid) {
    const activity = stored.credential.credentialSubject.activity;
    const hundredths = Math.round(activity.hours * 100);
    total += hundredths;
    add(categories, activity.category, hundredths, () => ({}));
    add(years, Number(activity.activityEndDate.slice(0, 4)), hundredths, () => ({}));
    add(organizations, stored.issuerDid, hundredths, () => ({ id: report.organization?.id ?? null, name: organizationName(stored, report.organization) }));
  }
  return {
    totalHours: total / 100,
    counted: valid.length,
    byCategory: [...categories].map(([category, b]) => ({ category, hours: b.hundredths / 100, count: b.count })).sort((a, b) => b.hours - a.hours),
    byYear: [...years].map(([year, b]) => ({ year, hours: b.hundredths / 100, count: b.count })).sort((a, b) => b.year - a.year),
    byOrganization: [...organizations]
      .map(([did, b]) => ({ did, id: b.id, name: b.name, hours: b.hundredths / 100, count: b.count }))
      .sort((a, b) => b.hours - a.hours),
    excluded: { total: checked.length - valid.length, byStatus },
  };
}

interface Bucket {
  hundredths: number;
  count: number;
}

function add<K, B extends Bucket>(buckets: Map<K, B>, key: K, hundredths: number, extra: () => Omit<B, keyof Bucket>): void {
  const bucket = buckets.get(key) ?? ({ hundredths: 0, count: 0, ...extra() } as B);
  bucket.hundredths += hundredths;
  bucket.count += 1;
  buckets.set(key, bucket);
}
