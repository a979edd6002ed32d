import type { Language } from '../../../shared/credential/index.ts';

/**
 * Why a row was refused, as a machine `reason` with a sentence per language. `{header}` and
 * `{cell}` are where the user's own file has it; `{value}` is the row's value when known.
 */
export const PROBLEM_REASONS = [
  'required', 'unknown_category', 'unknown_region', 'bad_date', 'end_before_start', 'too_many_hours', 'future_date',
  'hours_not_positive', 'not_a_number', 'bad_email', 'bad_language', 'too_long', 'cell_count', 'conflict', 'invalid',
] as const;
export type ProblemReason = (typeof PROBLEM_REASONS)[number];

export const PROBLEM_TEXTS: Record<Language, Record<ProblemReason, string>> = {
  kk: {
    required: '«{header}» бағаны ({cell}) толтырылмаған',
    unknown_category: '«{header}» ({cell}): мұндай санат жоқ; үлгінің екінші парағындағы тізімнен таңдаңыз',
    unknown_region: '«{header}» ({cell}): мұндай өңір жоқ; үлгінің екінші парағындағы тізімнен таңдаңыз',
    bad_date: '«{header}» ({cell}): күн кк.аа.жжжж түрінде болуы керек',
    end_before_start: '«{header}» ({cell}): аяқталған күн басталған күннен бұрын',
    too_many_hours: '«{header}» ({cell}): сағат іс-шара күндеріне сыймайды (тәулігіне 24 сағаттан аспайды)',
    future_date: '«{header}» ({cell}): күн әлі келген жоқ; тек өткен жұмыс жазылады',
    hours_not_positive: '«{header}» ({cell}): сағат нөлден көп болуы керек',
    not_a_number: '«{header}» ({cell}): сан болуы керек (мысалы 4,5)',
    bad_email: '«{header}» ({cell}): email мекенжайы дұрыс емес',
    bad_language: '«{header}» ({cell}): kk, ru немесе en деп жазыңыз',
    too_long: '«{header}» ({cell}): мәтін тым ұзын (200 таңбадан аспауы керек)',
    cell_count: '{cell} жолында ұяшықтар саны тақырып жолымен сәйкес келмейді',
    conflict: 'Бұл жол бұрын басқа деректермен жазылған ({cell})',
    invalid: '«{header}» ({cell}): мәні дұрыс емес',
  },
  ru: {
    required: 'Не заполнен столбец «{header}» ({cell})',
    unknown_category: '«{header}» ({cell}): такой категории нет; выберите из списка на втором листе шаблона',
    unknown_region: '«{header}» ({cell}): такого региона нет; выберите из списка на втором листе шаблона',
    bad_date: '«{header}» ({cell}): дата должна быть в виде дд.мм.гггг',
    end_before_start: '«{header}» ({cell}): дата окончания раньше даты начала',
    too_many_hours: '«{header}» ({cell}): часов больше, чем помещается в дни работы (не более 24 в сутки)',
    future_date: '«{header}» ({cell}): дата ещё не наступила; записывается только выполненная работа',
    hours_not_positive: '«{header}» ({cell}): часов должно быть больше нуля',
    not_a_number: '«{header}» ({cell}): нужно число (например 4,5)',
    bad_email: '«{header}» ({cell}): неверный адрес электронной почты',
    bad_language: '«{header}» ({cell}): укажите kk, ru или en',
    too_long: '«{header}» ({cell}): слишком длинный текст (не более 200 знаков)',
    cell_count: 'В строке {cell} число ячеек не совпадает с заголовком',
    conflict: 'Эта строка уже была записана с другими данными ({cell})',
    invalid: '«{header}» ({cell}): неверное значение',
  },
  en: {
    required: '"{header}" ({cell}) is empty',
    unknown_category: '"{header}" ({cell}): no such category; pick one from the template\'s second sheet',
    unknown_region: '"{header}" ({cell}): no such region; pick one from the template\'s second sheet',
    bad_date: '"{header}" ({cell}): a date must be written dd.mm.yyyy',
    end_before_start: '"{header}" ({cell}): the end date is before the start date',
    too_many_hours: '"{header}" ({cell}): more hours than the days of the activity hold (24 a day at most)',
    future_date: '"{header}" ({cell}): the date has not come yet; only work done is recorded',
    hours_not_positive: '"{header}" ({cell}): hours must be more than zero',
    not_a_number: '"{header}" ({cell}): a number is needed (e.g. 4.5)',
    bad_email: '"{header}" ({cell}): not an e-mail address',
    bad_language: '"{header}" ({cell}): write kk, ru or en',
    too_long: '"{header}" ({cell}): the text is too long (200 characters at most)',
    cell_count: 'Row {cell} has a different number of cells than the header',
    conflict: 'This row was recorded before with different content ({cell})',
    invalid: '"{header}" ({cell}): not a valid value',
  },
};

/** The reason behind a field's problem message (from the activity rules and the request schema). */
export function reasonOf(field: string, message: string): ProblemReason {
  if (message === 'is required' || message === 'must not be empty' || message.startsWith('needs at least one')) return 'required';
  if (field === 'row') return 'cell_count';
  if (field.endsWith('.category')) return 'unknown_category';
  if (field.endsWith('.region')) return 'unknown_region';
  if (field.endsWith('Date')) {
    if (message.startsWith('must not be before')) return 'end_before_start';
    if (message.includes('future')) return 'future_date';
    return 'bad_date';
  }
  if (field.endsWith('.hours')) {
    if (message.startsWith('must be at most')) return 'too_many_hours';
    if (message.includes('greater than 0')) return 'hours_not_positive';
    return 'not_a_number';
  }
  if (field.endsWith('.email')) return 'bad_email';
  if (field.endsWith('.language')) return 'bad_language';
  if (message.includes('at most 200')) return 'too_long';
  if (field === 'idempotencyKey') return 'conflict';
  return 'invalid';
}

export function problemText(lang: Language, reason: ProblemReason, place: { header: string; cell: string }): string {
  return PROBLEM_TEXTS[lang][reason].replace('{header}', place.header).replace('{cell}', place.cell);
}
