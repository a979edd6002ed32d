import type { Category, Language } from './vocabulary.ts';

/** Names of the categories of volunteer work, as every page, table and printed passport shows them. */
export const CATEGORY_NAMES: Record<Language, Record<Category, string>> = {
  kk: {
    ecology: 'Экология',
    education: 'Білім беру',
    culture: 'Мәдениет',
    social: 'Әлеуметтік көмек',
    health: 'Денсаулық сақтау',
    emergency: 'Төтенше жағдайлар',
    animals: 'Жануарларды қорғау',
    sport: 'Спорт',
    other: 'Басқа',
  },
  ru: {
    ecology: 'Экология',
    education: 'Образование',
    culture: 'Культура',
    social: 'Социальная помощь',
    health: 'Здравоохранение',
    emergency: 'Чрезвычайные ситуации',
    animals: 'Защита животных',
    sport: 'Спорт',
    other: 'Другое',
  },
  en: {
    ecology: 'Ecology',
    education: 'Education',
    culture: 'Culture',
    social: 'Social help',
    health: 'Health',
    emergency: 'Emergencies',
    animals: 'Animal protection',
    sport: 'Sport',
    other: 'Other',
  },
};

export function categoryName(category: string, lang: Language): string {
  return CATEGORY_NAMES[lang][category as Category] ?? category;
}
