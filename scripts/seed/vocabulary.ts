import type { Category } from '../../shared/credential/index.ts';

type Names = { kk: string; ru: string; en: string };

/**
 * How the kinds of volunteer work spread over the country (shares of activities) and over the
 * year (weights per month, January first): tree planting and clean-ups in spring and autumn,
 * emergencies with the spring floods and the summer fires, schools from September to May.
 */
export const CATEGORY_SHARES: Readonly<Record<Category, number>> = {
  ecology: 24,
  social: 20,
  education: 16,
  health: 9,
  culture: 9,
  emergency: 7,
  sport: 7,
  animals: 5,
  other: 3,
};

export const SEASONS: Readonly<Record<Category, readonly number[]>> = {
  ecology: [1, 1, 3, 9, 10, 5, 4, 4, 8, 9, 3, 1],
  emergency: [2, 2, 9, 10, 4, 2, 4, 4, 2, 1, 1, 2],
  education: [7, 8, 8, 7, 5, 1, 1, 2, 9, 9, 8, 6],
  social: [6, 5, 6, 5, 5, 4, 4, 4, 5, 5, 6, 9],
  health: [7, 7, 6, 5, 5, 4, 4, 4, 5, 6, 7, 7],
  culture: [4, 4, 7, 5, 6, 6, 6, 6, 5, 5, 4, 6],
  sport: [3, 3, 4, 6, 8, 9, 9, 8, 7, 5, 3, 3],
  animals: [5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 5, 5],
  other: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
};

/** Projects by category; some work of every kind is recorded without one. */
export const PROJECTS: Readonly<Record<Category, readonly string[]>> = {
  ecology: ['Жас ағаш', 'Эко бақылау', 'Таза Қазақстан'],
  emergency: ['Құтқару'],
  education: ['Білім волонтерлері'],
  social: ['Қамқор'],
  health: ['Қамқор', 'Дені сау ұлт'],
  culture: ['Мәдени мұра'],
  sport: ['Спорт волонтерлері'],
  animals: ['Таза Қазақстан'],
  other: [],
};

/** What the work was, by category, named in the three languages. */
export const ACTIVITY_NAMES: Readonly<Record<Category, readonly Names[]>> = {
  ecology: [
    { kk: 'Ағаш отырғызу', ru: 'Посадка деревьев', en: 'Tree planting' },
    { kk: 'Өзен жағасын тазалау', ru: 'Уборка берега реки', en: 'River bank clean-up' },
    { kk: 'Ауа сапасын бақылау', ru: 'Наблюдение за качеством воздуха', en: 'Air quality monitoring' },
    { kk: 'Саябақты абаттандыру', ru: 'Благоустройство парка', en: 'Park improvement' },
  ],
  emergency: [
    { kk: 'Су тасқынынан зардап шеккендерге көмек', ru: 'Помощь пострадавшим от паводка', en: 'Flood relief' },
    { kk: 'Орман өртін сөндіруге көмек', ru: 'Помощь в тушении лесного пожара', en: 'Wildfire response support' },
    { kk: 'Адам іздеу', ru: 'Поиск пропавших людей', en: 'Search for missing people' },
  ],
  education: [
    { kk: 'Ауыл мектебінде сабақ беру', ru: 'Уроки в сельской школе', en: 'Lessons at a village school' },
    { kk: 'Оқушыларға репетиторлық', ru: 'Репетиторство для школьников', en: 'Tutoring pupils' },
    { kk: 'Цифрлық сауаттылық курсы', ru: 'Курс цифровой грамотности', en: 'Digital literacy course' },
  ],
  social: [
    { kk: 'Қарттарға азық-түлік жеткізу', ru: 'Доставка продуктов пожилым', en: 'Food delivery to the elderly' },
    { kk: 'Балалар үйіне көмек', ru: 'Помощь детскому дому', en: 'Help at a children’s home' },
    { kk: 'Қайырымдылық жәрмеңкесі', ru: 'Благотворительная ярмарка', en: 'Charity fair' },
  ],
  health: [
    { kk: 'Донорлық акцияны ұйымдастыру', ru: 'Организация донорской акции', en: 'Blood drive' },
    { kk: 'Ауруханада көмек', ru: 'Помощь в больнице', en: 'Hospital help' },
  ],
  culture: [
    { kk: 'Мұражайда экскурсия жүргізу', ru: 'Экскурсии в музее', en: 'Museum guiding' },
    { kk: 'Наурыз мерекесін ұйымдастыру', ru: 'Организация праздника Наурыз', en: 'Nauryz festival' },
  ],
  sport: [
    { kk: 'Марафонда волонтерлік', ru: 'Волонтёрство на марафоне', en: 'Marathon volunteering' },
    { kk: 'Балалар жарысын ұйымдастыру', ru: 'Организация детских соревнований', en: 'Children’s sports day' },
  ],
  animals: [
    { kk: 'Жануарлар баспанасында көмек', ru: 'Помощь в приюте для животных', en: 'Animal shelter help' },
    { kk: 'Құстарды санау', ru: 'Учёт птиц', en: 'Bird count' },
  ],
  other: [{ kk: 'Қоғамдық іс-шараға көмек', ru: 'Помощь на общественном мероприятии', en: 'Community event help' }],
};

/** The kinds of organizations: what they are called and the work they mostly do. */
export const ORGANIZATION_KINDS: readonly { name: Names; categories: readonly Category[] }[] = [
  { name: { kk: 'Жасыл қала', ru: 'Зелёный город', en: 'Green City' }, categories: ['ecology', 'animals'] },
  { name: { kk: 'Эко жастар', ru: 'Эко-молодёжь', en: 'Eco Youth' }, categories: ['ecology'] },
  { name: { kk: 'Білім көпірі', ru: 'Мост знаний', en: 'Bridge of Knowledge' }, categories: ['education', 'culture'] },
  { name: { kk: 'Қамқорлық', ru: 'Забота', en: 'Care' }, categories: ['social', 'health'] },
  { name: { kk: 'Құтқару жасағы', ru: 'Спасательный отряд', en: 'Rescue Team' }, categories: ['emergency'] },
  { name: { kk: 'Мейірім', ru: 'Милосердие', en: 'Mercy' }, categories: ['social', 'health'] },
  { name: { kk: 'Спорт еріктілері', ru: 'Спортивные волонтёры', en: 'Sport Volunteers' }, categories: ['sport', 'culture'] },
  { name: { kk: 'Жастар ресурстық орталығы', ru: 'Молодёжный ресурсный центр', en: 'Youth Resource Centre' }, categories: ['education', 'social', 'ecology'] },
];

/** Volunteers' names, women's and men's, so that first and family names agree. */
export const PEOPLE: readonly { first: readonly string[]; family: readonly string[] }[] = [
  {
    first: ['Айгерім', 'Дана', 'Әлия', 'Асель', 'Жанар', 'Мадина', 'Аружан', 'Гүлнұр', 'Анна', 'Ирина'],
    family: ['Серікқызы', 'Ахметова', 'Омарова', 'Сейітова', 'Бекова', 'Иванова', 'Есенова', 'Ким'],
  },
  {
    first: ['Ерлан', 'Нұрлан', 'Даулет', 'Арман', 'Бекзат', 'Тимур', 'Азамат', 'Ержан', 'Сергей', 'Дмитрий'],
    family: ['Жұмабаев', 'Қасымов', 'Нұрланұлы', 'Тоқтаров', 'Абдрахманов', 'Мұхамеджанов', 'Петров', 'Ким'],
  },
];
