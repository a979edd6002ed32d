import { CATEGORIES, REGIONS, type Activity, type Category } from '../../shared/credential/index.ts';
import { REGION_CODES_BY_POPULATION, REGION_WEIGHTS } from './population.ts';
import { derived } from './random.ts';
import { ACTIVITY_NAMES, CATEGORY_SHARES, ORGANIZATION_KINDS, PEOPLE, PROJECTS, SEASONS } from './vocabulary.ts';

export interface PlannedOrganization {
  id: string;
  region: string;
  name: { kk: string; ru: string; en: string };
  /** The work it mostly does. */
  categories: readonly Category[];
}

/** One activity of one volunteer, and what will become of its credential. */
export interface PlannedActivity {
  volunteer: number;
  organization: number;
  request: { volunteer: { name: string }; activity: Activity; idempotencyKey: string };
  /** False for the few offers a volunteer never claims. */
  claim: boolean;
  /** True for the few credentials the organization later revokes. */
  revoke: boolean;
}

const UNCLAIMED_SHARE = 0.03;
const REVOKED_SHARE = 0.01;
const CATEGORY_WEIGHTS = CATEGORIES.map((c) => CATEGORY_SHARES[c]);

/** A slug of the seed, for identifiers that must be lowercase letters, digits and hyphens. */
export function seedTag(seed: string): string {
  return seed.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 16) || 'x';
}

/** `count` organizations spread over the regions by population, each of one kind. */
export function planOrganizations(seed: string, count: number): PlannedOrganization[] {
  const rng = derived(seed, 'organizations');
  const seen = new Map<string, number>();
  return Array.from({ length: count }, (_, i) => {
    // The first twenty go one to each region, so every front office has someone to accredit.
    const region = i < REGIONS.length && count >= REGIONS.length ? REGIONS[i]!.code : rng.weighted(REGION_CODES_BY_POPULATION, REGION_WEIGHTS);
    const kind = rng.pick(ORGANIZATION_KINDS);
    const place = REGIONS.find((r) => r.code === region)!;
    const label = `${kind.name.en}|${region}`;
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    const suffix = n > 1 ? ` ${n}` : '';
    return {
      id: `seed-${seedTag(seed)}-${region.toLowerCase()}-${i + 1}`,
      region,
      name: { kk: `${kind.name.kk} (${place.kk})${suffix}`, ru: `${kind.name.ru} (${place.ru})${suffix}`, en: `${kind.name.en} (${place.en})${suffix}` },
      categories: kind.categories,
    };
  });
}

/**
 * The activities of volunteer `index`: a home region by population; one to a dozen or so
 * activities (most do a few, some do many), mostly with organizations of their region; the
 * category from the organization's line of work or the national mix; the month by that
 * category's season within the twelve months that end on `until`; one to seven days of two to
 * eight hours each.
 */
export function planVolunteer(seed: string, index: number, organizations: readonly PlannedOrganization[], byRegion: ReadonlyMap<string, number[]>, until: string): PlannedActivity[] {
  const rng = derived(seed, 'volunteer', index);
  const home = rng.weighted(REGION_CODES_BY_POPULATION, REGION_WEIGHTS);
  const people = rng.pick(PEOPLE);
  const name = `${rng.pick(people.first)} ${rng.pick(people.family)}`;
  const count = Math.min(20, 1 + Math.floor(-Math.log(1 - rng.next()) * 2.5));
  const local = byRegion.get(home) ?? [];
  const out: PlannedActivity[] = [];
  for (let j = 0; j < count; j++) {
    const organization = local.length && rng.chance(0.85) ? rng.pick(local) : rng.int(0, organizations.length - 1);
    const org = organizations[organization]!;
    const category = rng.chance(0.65) ? rng.pick(org.categories) : rng.weighted(CATEGORIES, CATEGORY_WEIGHTS);
    const dates = activityDates(rng, category, until);
    const hours = Array.from({ length: dates.days }, () => rng.int(4, 16) / 2).reduce((s, h) => s + h, 0);
    const projects = PROJECTS[category];
    const project = projects.length && rng.chance(0.8) ? rng.pick(projects) : null;
    const activity: Activity = {
      name: rng.pick(ACTIVITY_NAMES[category]),
      ...(project ? { project } : {}),
      category,
      region: home,
      activityStartDate: dates.start,
      activityEndDate: dates.end,
      hours,
      ...(rng.chance(0.1) ? { role: 'team lead' } : {}),
    };
    const claim = !rng.chance(UNCLAIMED_SHARE);
    out.push({
      volunteer: index,
      organization,
      request: { volunteer: { name }, activity, idempotencyKey: `seed-${seedTag(seed)}-v${index}-a${j}` },
      claim,
      revoke: claim && rng.chance(REVOKED_SHARE),
    });
  }
  return out;
}

/** An end day in a month weighted by the category's season, and a start up to six days before. */
function activityDates(rng: ReturnType<typeof derived>, category: Category, until: string): { start: string; end: string; days: number } {
  const last = new Date(`${until}T00:00:00Z`);
  const months = Array.from({ length: 12 }, (_, k) => new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - 11 + k, 1)));
  const month = rng.weighted(months, months.map((m) => SEASONS[category][m.getUTCMonth()]!));
  const daysInMonth = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)).getUTCDate();
  const lastDay = month.getUTCMonth() === last.getUTCMonth() && month.getUTCFullYear() === last.getUTCFullYear() ? last.getUTCDate() : daysInMonth;
  const end = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), rng.int(1, lastDay)));
  const days = rng.chance(0.7) ? 1 : rng.chance(0.65) ? rng.int(2, 3) : rng.int(4, 7);
  const start = new Date(end.getTime() - (days - 1) * 86_400_000);
  return { start: isoDay(start), end: isoDay(end), days };
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Organizations' positions by region, for volunteers to find the ones near them. */
export function organizationsByRegion(organizations: readonly PlannedOrganization[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  organizations.forEach((o, i) => map.set(o.region, [...(map.get(o.region) ?? []), i]));
  return map;
}
