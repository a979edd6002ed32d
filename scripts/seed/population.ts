/**
 * Population of the 20 regions, in thousands, approximately as the Bureau of National Statistics
 * of Kazakhstan reported it for the beginning of 2024 (about 20 million in all). Volunteers and
 * organizations are spread over the regions in these proportions.
 */
export const POPULATION_2024: Readonly<Record<string, number>> = {
  'KZ-10': 603, // Abai Region
  'KZ-11': 785, // Akmola Region
  'KZ-15': 930, // Aktobe Region
  'KZ-19': 1_520, // Almaty Region
  'KZ-23': 700, // Atyrau Region
  'KZ-27': 690, // West Kazakhstan Region
  'KZ-31': 1_215, // Jambyl Region
  'KZ-33': 697, // Jetisu Region
  'KZ-35': 1_133, // Karaganda Region
  'KZ-39': 830, // Kostanay Region
  'KZ-43': 830, // Kyzylorda Region
  'KZ-47': 780, // Mangystau Region
  'KZ-55': 750, // Pavlodar Region
  'KZ-59': 530, // North Kazakhstan Region
  'KZ-61': 2_110, // Turkistan Region
  'KZ-62': 221, // Ulytau Region
  'KZ-63': 720, // East Kazakhstan Region
  'KZ-71': 1_420, // Astana
  'KZ-75': 2_230, // Almaty
  'KZ-79': 1_220, // Shymkent
};

export const REGION_CODES_BY_POPULATION = Object.keys(POPULATION_2024);
export const REGION_WEIGHTS = REGION_CODES_BY_POPULATION.map((code) => POPULATION_2024[code]!);
