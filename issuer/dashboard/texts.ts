import type { Language } from '../../shared/credential/index.ts';
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
  | 'attribution'
  | 'byActivity'
  | 'byOrganizationRegion'
  | 'countedByActivity'
  | 'countedByOrganization'
  | 'volunteers'
  | 'organizations'
  | 'activities'
  | 'credentialsClaimed'
  | 'credentialsRevoked'
  | 'credentials'
  | 'claimed'
  | 'revoked'
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
  | 'mapLabel'
  | 'mapMeasure'
  | 'mapHint'
  | 'noWork'
  | 'upTo'
  | 'ownRegion'
  | 'chosenRegion'
  | 'hoursValue'
  | 'months'
  | 'monthsLong'
  | 'monthFormat'
  | 'decimalSeparator'
  | 'numberLocaleFallback';

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
    attribution: 'Жұмыс қай өңірге саналады',
    byActivity: 'іс-шара өткен өңірге',
    byOrganizationRegion: 'ұйым аккредиттелген өңірге',
    countedByActivity: 'Жұмыс іс-шара өткен өңірге саналған.',
    countedByOrganization: 'Жұмыс ұйым аккредиттелген өңірге саналған, қай жерде өтсе де.',
    volunteers: 'Волонтерлер',
    organizations: 'Ұйымдар',
    activities: 'Іс-шаралар',
    credentialsClaimed: 'Алынған куәліктер',
    credentialsRevoked: 'Қайтарып алынған куәліктер',
    credentials: 'Куәліктер',
    claimed: 'алынған',
    revoked: 'қайтарылған',
    hours: 'Сағаттар',
    byRegion: 'Өңірлер бойынша',
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
    mapLabel: 'Қазақстанның 20 өңірінің картасы: әр өңір бір шаршы, қалалар дөңгелек',
    mapMeasure: 'Картада',
    mapHint: 'Өңірдің көрсеткіштерін көру үшін оны түртіңіз немесе меңзерді апарыңыз.',
    noWork: 'жұмыс жоқ',
    upTo: '≤ {n}',
    ownRegion: 'сіздің өңіріңіз',
    chosenRegion: 'таңдалған өңір',
    hoursValue: '{n} сағ',
    months: 'қаң.,ақп.,нау.,сәу.,мам.,мау.,шіл.,там.,қыр.,қаз.,қар.,жел.',
    monthsLong: 'қаңтар,ақпан,наурыз,сәуір,мамыр,маусым,шілде,тамыз,қыркүйек,қазан,қараша,желтоқсан',
    monthFormat: '{y} ж. {month}',
    decimalSeparator: ',',
    numberLocaleFallback: 'ru',
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
    attribution: 'В каком регионе учитывать работу',
    byActivity: 'где прошло мероприятие',
    byOrganizationRegion: 'где аккредитована организация',
    countedByActivity: 'Работа учтена в регионе, где прошло мероприятие.',
    countedByOrganization: 'Работа учтена в регионе, где аккредитована организация, где бы она ни проходила.',
    volunteers: 'Волонтёры',
    organizations: 'Организации',
    activities: 'Мероприятия',
    credentialsClaimed: 'Полученные удостоверения',
    credentialsRevoked: 'Отозванные удостоверения',
    credentials: 'Удостоверения',
    claimed: 'получены',
    revoked: 'отозваны',
    hours: 'Часы',
    byRegion: 'По регионам',
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
    mapLabel: 'Карта 20 регионов Казахстана: каждый регион — квадрат, города — круги',
    mapMeasure: 'На карте',
    mapHint: 'Нажмите на регион или наведите на него указатель, чтобы увидеть его показатели.',
    noWork: 'нет работы',
    upTo: '≤ {n}',
    ownRegion: 'ваш регион',
    chosenRegion: 'выбранный регион',
    hoursValue: '{n} ч',
    months: 'янв.,февр.,март,апр.,май,июнь,июль,авг.,сент.,окт.,нояб.,дек.',
    monthsLong: 'январь,февраль,март,апрель,май,июнь,июль,август,сентябрь,октябрь,ноябрь,декабрь',
    monthFormat: '{month} {y}',
    decimalSeparator: ',',
    numberLocaleFallback: 'ru',
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
    attribution: 'Count work in the region',
    byActivity: 'where the activity took place',
    byOrganizationRegion: 'where the organization is accredited',
    countedByActivity: 'Work is counted in the region where the activity took place.',
    countedByOrganization: 'Work is counted in the region where its organization is accredited, wherever it was done.',
    volunteers: 'Volunteers',
    organizations: 'Organizations',
    activities: 'Activities',
    credentialsClaimed: 'Credentials claimed',
    credentialsRevoked: 'Credentials revoked',
    credentials: 'Credentials',
    claimed: 'claimed',
    revoked: 'revoked',
    hours: 'Hours',
    byRegion: 'By region',
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
    mapLabel: "Map of Kazakhstan's 20 regions: one square per region, circles for the cities",
    mapMeasure: 'On the map',
    mapHint: 'Tap a region, or point at it, to see its figures.',
    noWork: 'no work',
    upTo: '≤ {n}',
    ownRegion: 'your region',
    chosenRegion: 'the region chosen',
    hoursValue: '{n} h',
    months: 'Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec',
    monthsLong: 'January,February,March,April,May,June,July,August,September,October,November,December',
    monthFormat: '{month} {y}',
    decimalSeparator: '.',
    numberLocaleFallback: 'en',
  },
};

/**
 * The names written on the map's tiles: short enough for a tile on a phone (at most two lines of
 * about nine letters); the full names of regions.json are in each tile's title, its figures and
 * the table. Russian uses the abbreviations ЗКО, СКО and ВКО, as people in Kazakhstan do.
 */
export const TILE_LABELS: Record<string, Record<Language, string>> = {
  'KZ-10': { kk: 'Абай', ru: 'Абай', en: 'Abai' },
  'KZ-11': { kk: 'Ақмола', ru: 'Акмола', en: 'Akmola' },
  'KZ-15': { kk: 'Ақтөбе', ru: 'Актобе', en: 'Aktobe' },
  'KZ-19': { kk: 'Алматы\nоблысы', ru: 'Алматин-\nская', en: 'Almaty\nRegion' },
  'KZ-23': { kk: 'Атырау', ru: 'Атырау', en: 'Atyrau' },
  'KZ-27': { kk: 'Батыс\nҚазақстан', ru: 'ЗКО', en: 'West\nKazakhstan' },
  'KZ-31': { kk: 'Жамбыл', ru: 'Жамбыл', en: 'Jambyl' },
  'KZ-33': { kk: 'Жетісу', ru: 'Жетысу', en: 'Jetisu' },
  'KZ-35': { kk: 'Қарағанды', ru: 'Караганда', en: 'Karaganda' },
  'KZ-39': { kk: 'Қостанай', ru: 'Костанай', en: 'Kostanay' },
  'KZ-43': { kk: 'Қызылорда', ru: 'Кызылорда', en: 'Kyzylorda' },
  'KZ-47': { kk: 'Маңғыстау', ru: 'Мангистау', en: 'Mangystau' },
  'KZ-55': { kk: 'Павлодар', ru: 'Павлодар', en: 'Pavlodar' },
  'KZ-59': { kk: 'Солтүстік\nҚазақстан', ru: 'СКО', en: 'North\nKazakhstan' },
  'KZ-61': { kk: 'Түркістан', ru: 'Туркестан', en: 'Turkistan' },
  'KZ-62': { kk: 'Ұлытау', ru: 'Улытау', en: 'Ulytau' },
  'KZ-63': { kk: 'Шығыс\nҚазақстан', ru: 'ВКО', en: 'East\nKazakhstan' },
  'KZ-71': { kk: 'Астана', ru: 'Астана', en: 'Astana' },
  'KZ-75': { kk: 'Алматы', ru: 'Алматы', en: 'Almaty' },
  'KZ-79': { kk: 'Шымкент', ru: 'Шымкент', en: 'Shymkent' },
};
