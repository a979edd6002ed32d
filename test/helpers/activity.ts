import type { Activity } from '../../shared/credential/index.ts';

/** The activity of DESIGN.md's example credential: a week of tree planting in Pavlodar Region. */
export function sampleActivity(overrides: Record<string, unknown> = {}): Activity & Record<string, unknown> {
  return {
    name: { kk: 'Ағаш отырғызу', ru: 'Посадка деревьев', en: 'Tree planting' },
    project: 'Жас ағаш',
    category: 'ecology',
    region: 'KZ-55',
    activityStartDate: '2026-04-20',
    activityEndDate: '2026-04-27',
    hours: 18.5,
    role: 'team lead',
    confirmedBy: 'Coordinator, Pavlodar front office',
    ...overrides,
  };
}
