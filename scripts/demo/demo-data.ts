import type { Activity } from '../../shared/credential/index.ts';

/** The demo's organizations: real kinds of Kazakh volunteer projects, fictional organizations. */
export const DEMO_ORGANIZATIONS = [
  { id: 'eco-qyran', region: 'KZ-55', name: { kk: 'Эко Қыран', ru: 'Эко Кыран', en: 'Eco Qyran' } },
  { id: 'zhasyl-el-astana', region: 'KZ-71', name: { kk: 'Жасыл ел Астана', ru: 'Жасыл ел Астана', en: 'Zhasyl El Astana' } },
  { id: 'bilim-almaty', region: 'KZ-75', name: { kk: 'Білім волонтерлері Алматы', ru: 'Волонтёры знаний Алматы', en: 'Bilim Volunteers Almaty' } },
  { id: 'qamqor-shymkent', region: 'KZ-79', name: { kk: 'Қамқор Шымкент', ru: 'Камкор Шымкент', en: 'Qamqor Shymkent' } },
  { id: 'qutqaru-atyrau', region: 'KZ-23', name: { kk: 'Құтқару жасағы Атырау', ru: 'Спасательный отряд Атырау', en: 'Atyrau Rescue Team' } },
] as const;

export const DEMO_VOLUNTEER = { login: 'demo', password: 'demo-passport', name: 'Дана Серікқызы' };

/** What the demo volunteer did; each becomes a credential in her passport. */
export const DEMO_ACTIVITIES: { organization: string; activity: Activity }[] = [
  {
    organization: 'eco-qyran',
    activity: {
      name: { kk: 'Ағаш отырғызу', ru: 'Посадка деревьев', en: 'Tree planting' },
      project: 'Жас ағаш',
      category: 'ecology',
      region: 'KZ-55',
      activityStartDate: '2026-04-20',
      activityEndDate: '2026-04-27',
      hours: 18.5,
      role: 'team lead',
      confirmedBy: 'Coordinator, Pavlodar front office',
    },
  },
  {
    organization: 'zhasyl-el-astana',
    activity: {
      name: { kk: 'Өзен жағасын тазалау', ru: 'Уборка берега реки', en: 'River bank clean-up' },
      project: 'Эко бақылау',
      category: 'ecology',
      region: 'KZ-71',
      activityStartDate: '2026-05-16',
      activityEndDate: '2026-05-16',
      hours: 6,
    },
  },
  {
    organization: 'bilim-almaty',
    activity: {
      name: { kk: 'Ауыл мектебінде математика сабағы', ru: 'Уроки математики в сельской школе', en: 'Maths lessons at a village school' },
      project: 'Білім волонтерлері',
      category: 'education',
      region: 'KZ-75',
      activityStartDate: '2026-02-02',
      activityEndDate: '2026-03-27',
      hours: 32,
      role: 'tutor',
    },
  },
  {
    organization: 'qamqor-shymkent',
    activity: {
      name: { kk: 'Қарттарға азық-түлік жеткізу', ru: 'Доставка продуктов пожилым', en: 'Food delivery to the elderly' },
      project: 'Қамқор',
      category: 'social',
      region: 'KZ-79',
      activityStartDate: '2025-12-20',
      activityEndDate: '2025-12-30',
      hours: 14,
    },
  },
];

export function frontOfficeName(region: { kk: string; ru: string; en: string }): { kk: string; ru: string; en: string } {
  return {
    kk: `${region.kk} еріктілер фронт-офисі`,
    ru: `Фронт-офис волонтёров: ${region.ru}`,
    en: `${region.en} volunteer front office`,
  };
}

/** The demo's people: one admin each for the registry, the Pavlodar front office and Eco Qyran. */
export const DEMO_STAFF = [
  { unit: 'registry', login: 'registry@passport.example', name: 'Айгерім Сәрсенова' },
  { unit: 'front-office:fo-kz-55', login: 'pavlodar@passport.example', name: 'Бекзат Омаров' },
  { unit: 'organization:eco-qyran', login: 'eco-qyran@passport.example', name: 'Дана Ахметова' },
] as const;
