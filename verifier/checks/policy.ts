import type { Category } from '../../shared/credential/index.ts';
import { POLICY } from './ids.ts';
import { failed, notApplicable, passed, type Check } from './outcome.ts';

/** What a request asks of the volunteer's record: at least N verified hours, in some categories, since a date. */
export interface Policy {
  minHours?: number;
  categories?: Category[];
  /** YYYY-MM-DD: activities that began on or after it count. */
  since?: string;
}

export interface CountedActivity {
  category: string;
  hours: number;
  activityStartDate: string;
}

/** The hours that count toward the policy: verified credentials only, in its categories, since its date. */
export function hoursTowardPolicy(policy: Policy, activities: CountedActivity[]): number {
  return activities
    .filter((a) => !policy.categories?.length || (policy.categories as string[]).includes(a.category))
    .filter((a) => !policy.since || a.activityStartDate >= policy.since)
    .reduce((sum, a) => sum + a.hours, 0);
}

export function checkPolicy(policy: Policy | undefined, verifiedActivities: CountedActivity[]): Check {
  if (!policy || (policy.minHours === undefined && !policy.categories?.length && !policy.since)) {
    return notApplicable(POLICY, 'No policy was asked for');
  }
  const hours = hoursTowardPolicy(policy, verifiedActivities);
  const needed = policy.minHours ?? 0;
  const met = policy.minHours === undefined ? hours > 0 : hours >= needed;
  const scope = [policy.categories?.length ? `in ${policy.categories.join(', ')}` : '', policy.since ? `since ${policy.since}` : ''].filter(Boolean).join(' ');
  const summary = `${round(hours)} verified hours ${scope}`.trim();
  if (met) return passed(POLICY, `${summary}; asked for at least ${needed}`, { hours: round(hours), required: needed });
  return failed(POLICY, 'policy_not_met', `${summary}; at least ${needed > 0 ? needed : 'some'} asked for`, { hours: round(hours), required: needed });
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
