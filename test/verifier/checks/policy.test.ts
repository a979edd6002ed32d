import { describe, expect, it } from 'vitest';
import { checkPolicy, hoursTowardPolicy } from '../../../verifier/checks/index.ts';

const activities = [
  { category: 'ecology', hours: 10, activityStartDate: '2025-03-01' },
  { category: 'education', hours: 6, activityStartDate: '2026-02-01' },
  { category: 'ecology', hours: 2.5, activityStartDate: '2026-03-01' },
];

describe('policy', () => {
  it('counts hours in the asked categories since the asked date', () => {
    expect(hoursTowardPolicy({}, activities)).toBe(18.5);
    expect(hoursTowardPolicy({ categories: ['ecology'] }, activities)).toBe(12.5);
    expect(hoursTowardPolicy({ since: '2026-01-01' }, activities)).toBe(8.5);
    expect(hoursTowardPolicy({ categories: ['ecology'], since: '2026-01-01' }, activities)).toBe(2.5);
  });

  it('holds when the hours reach the minimum, fails below it', () => {
    expect(checkPolicy({ minHours: 12.5, categories: ['ecology'] }, activities).outcome).toBe('passed');
    const short = checkPolicy({ minHours: 13, categories: ['ecology'] }, activities);
    expect(short.error?.code).toBe('policy_not_met');
    expect(short.hours).toBe(12.5);
  });

  it('without a minimum asks for some hours in scope; without a policy does not apply', () => {
    expect(checkPolicy({ categories: ['health'] }, activities).error?.code).toBe('policy_not_met');
    expect(checkPolicy({ categories: ['education'] }, activities).valid).toBe(true);
    expect(checkPolicy(undefined, activities).outcome).toBe('not_applicable');
  });
});
