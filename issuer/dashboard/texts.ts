import type { Category } from '../../shared/credential/index.ts';
import type { Messages } from '../../shared/i18n/index.ts';

type DashboardKey =
  | 'title'
  | 'intro'
  | 'signInTitle'
  | 'keyLabel'
  | 'keyHint'
  | 'signIn'
  | 'signOut'
  | 'badKey'
  | 'organizationKey'
  | 'failed'
  | 'loading'
  | 'scopeNational'
  | 'scopeRegion'
  | 'filterRegion'
  | 'allRegions'
  | 'filterFrom'
  | 'filterTo'
  | 'apply'
  | 'volunteers'
  | 'organizations'
  | 'activities'
  | 'credentialsClaimed'
  | 'credentialsRevoked'
  | 'hours'
  | 'byRegion'
  | 'byMonth'
  | 'byCategory'
  | 'byOrganization'
  | 'byProject'
  | 'region'
  | 'month'
  | 'category'
  | 'organization'
  | 'project'
  | 'noProject'
  | 'figures'
  | 'downloadCsv'
  | 'smallCells'
  | 'hoursNote'
  | 'empty'
  | 'topOnly'
  | 'months'
  | 'monthFormat'
  | 'decimalSeparator'
  | 'groupSeparator';

/** The dashboard's words in the three languages; the type refuses a page with a missing one. */
export const DASHBOARD_TEXTS: Messages<DashboardKey> = {
  kk: {
    title: 'Волонтерлік қызметті есепке алу',
    intro: 'Ұлттық тізілім мен өңірлік фронт-офистерге арналған: волонтерлер, ұйымдар, іс-шаралар және сағаттар.',
    signInTitle: 'Кіру',
    keyLabel: 'Тізілім токені немесе фронт-офистің API кілті',
    keyHint: 'Кілт тек осы браузер қойындысында сақталады және тек осы сайтқа жіберіледі.',
    signIn: 'Кіру',
    signOut: 'Шығу',
    badKey: 'Бұл кілт қабылданбады.',
    organizationKey: 'Ұйымның кілтімен статистика қолжетімсіз: тізілім токенін немесе фронт-офис кілтін енгізіңіз.',
    failed: 'Деректерді алу мүмкін болмады',
    loading: 'Жүктелуде…',
    scopeNational: 'Ұлттық тізілім: барлық өңірлер',
    scopeRegion: 'Фронт-офис: {region}',
    filterRegion: 'Өңір',
    allRegions: 'Барлық өңірлер',
    filterFrom: 'Басы (аяқталған күні)',
    filterTo: 'Соңы (аяқталған күні)',
    apply: 'Көрсету',
    volunteers: 'Волонтерлер',
    organizations: 'Ұйымдар',
    activities: 'Іс-шаралар',
    credentialsClaimed: 'Алынған куәліктер',
    credentialsRevoked: 'Қайтарып алынған куәліктер',
    hours: 'Сағаттар',
    byRegion: 'Өңірлер бойынша сағаттар',
    byMonth: 'Айлар бойынша сағаттар',
    byCategory: 'Санаттар бойынша сағаттар',
    byOrganization: 'Ең белсенді ұйымдар (сағат)',
    byProject: 'Жобалар бойынша сағаттар',
    region: 'Өңір',
    month: 'Ай',
    category: 'Санат',
    organization: 'Ұйым',
    project: 'Жоба',
    noProject: 'Жобасыз',
    figures: 'Кесте',
    downloadCsv: 'CSV жүктеу',
    smallCells: '5-тен аз волонтері бар ұяшықтар «<5» болып көрсетіледі (сағаттары көрсетіледі).',
    hoursNote: 'Сағаттар тек алынған және қайтарып алынбаған куәліктер бойынша саналады.',
    empty: 'Бұл сүзгілерге сәйкес іс-шаралар жоқ.',
    topOnly: 'Кестеде алғашқы {count} ұйым; CSV файлында барлығы.',
    months: 'қаң.,ақп.,нау.,сәу.,мам.,мау.,шіл.,там.,қыр.,қаз.,қар.,жел.',
    monthFormat: '{month} {y}',
    decimalSeparator: ',',
    groupSeparator: '\u00a0',
  },
  ru: {
    title: 'Учёт волонтёрской деятельности',
    intro: 'Для национального реестра и региональных фронт-офисов: волонтёры, организации, мероприятия и часы.',
    signInTitle: 'Вход',
    keyLabel: 'Токен реестра или API-ключ фронт-офиса',
    keyHint: 'Ключ хранится только в этой вкладке браузера и отправляется только этому сайту.',
    signIn: 'Войти',
    signOut: 'Выйти',
    badKey: 'Этот ключ не принят.',
    organizationKey: 'С ключом организации статистика недоступна: введите токен реестра или ключ фронт-офиса.',
    failed: 'Не удалось получить данные',
    loading: 'Загрузка…',
    scopeNational: 'Национальный реестр: все регионы',
    scopeRegion: 'Фронт-офис: {region}',
    filterRegion: 'Регион',
    allRegions: 'Все регионы',
    filterFrom: 'С (дата окончания)',
    filterTo: 'По (дата окончания)',
    apply: 'Показать',
    volunteers: 'Волонтёры',
    organizations: 'Организации',
    activities: 'Мероприятия',
    credentialsClaimed: 'Полученные удостоверения',
    credentialsRevoked: 'Отозванные удостоверения',
    hours: 'Часы',
    byRegion: 'Часы по регионам',
    byMonth: 'Часы по месяцам',
    byCategory: 'Часы по направлениям',
    byOrganization: 'Самые активные организации (часы)',
    byProject: 'Часы по проектам',
    region: 'Регион',
    month: 'Месяц',
    category: 'Направление',
    organization: 'Организация',
    project: 'Проект',
    noProject: 'Без проекта',
    figures: 'Таблица',
    downloadCsv: 'Скачать CSV',
    smallCells: 'Ячейки, где меньше 5 волонтёров, показаны как «<5» (часы показаны).',
    hoursNote: 'Часы считаются только по полученным и не отозванным удостоверениям.',
    empty: 'Нет мероприятий, подходящих под эти фильтры.',
    topOnly: 'В таблице первые {count} организаций; в CSV — все.',
    months: 'янв.,февр.,март,апр.,май,июнь,июль,авг.,сент.,окт.,нояб.,дек.',
    monthFormat: '{month} {y}',
    decimalSeparator: ',',
    groupSeparator: '\u00a0',
  },
  en: {
    title: 'Accounting of volunteer work',
    intro: 'For the national registry and the regional front offices: volunteers, organizations, activities and hours.',
    signInTitle: 'Sign in',
    keyLabel: 'Registry token or front-office API key',
    keyHint: 'The key is kept in this browser tab only and sent to this site only.',
    signIn: 'Sign in',
    signOut: 'Sign out',
    badKey: 'This key was not accepted.',
    organizationKey: 'Organization keys do not see statistics: use the registry token or a front-office key.',
    failed: 'Could not load the figures',
    loading: 'Loading…',
    scopeNational: 'National registry: all regions',
    scopeRegion: 'Front office: {region}',
    filterRegion: 'Region',
    allRegions: 'All regions',
    filterFrom: 'From (end date)',
    filterTo: 'To (end date)',
    apply: 'Show',
    volunteers: 'Volunteers',
    organizations: 'Organizations',
    activities: 'Activities',
    credentialsClaimed: 'Credentials claimed',
    credentialsRevoked: 'Credentials revoked',
    hours: 'Hours',
    byRegion: 'Hours by region',
    byMonth: 'Hours by month',
    byCategory: 'Hours by category',
    byOrganization: 'Top organizations (hours)',
    byProject: 'Hours by project',
    region: 'Region',
    month: 'Month',
    category: 'Category',
    organization: 'Organization',
    project: 'Project',
    noProject: 'No project',
    figures: 'Table',
    downloadCsv: 'Download CSV',
    smallCells: 'Cells with fewer than 5 volunteers are shown as "<5" (their hours are shown).',
    hoursNote: 'Hours count claimed, non-revoked credentials only.',
    empty: 'No activities match these filters.',
    topOnly: 'The table shows the first {count} organizations; the CSV has them all.',
    months: 'Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec',
    monthFormat: '{month} {y}',
    decimalSeparator: '.',
    groupSeparator: ',',
  },
};

