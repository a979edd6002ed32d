import type { LocalizedText } from '../../shared/credential/index.ts';
import { CHECK_IDS, IDENTITY, POLICY, notApplicable, passed, type Check, type CheckId, type Warning } from '../checks/index.ts';

/** One credential of a verification: who issued it to whom, for what, and how each check went. */
export interface CredentialReport {
  id: string | undefined;
  verified: boolean;
  securing: 'jwt_vc_json' | 'vc+jwt' | 'dc+sd-jwt' | undefined;
  /** The credential's `type`s, as it claims them. */
  types: string[];
  issuer: { did: string | undefined; organization?: string; name?: LocalizedText; region?: string; status?: string };
  subject: { did: string | undefined; name?: string };
  activity?: Record<string, unknown>;
  issuanceDate?: string;
  expirationDate?: string;
  checks: Check[];
  warnings: Warning[];
}

export interface Totals {
  /** Hours of the credentials that verified; the others do not count. */
  hours: number;
  credentials: number;
  byCategory: Record<string, number>;
}

/** The answer of every verification route: every check with its outcome, never a bare boolean. */
export interface VerificationResult {
  verified: boolean;
  kind: 'credential' | 'presentation';
  checks: Check[];
  credentials: CredentialReport[];
  totals: Totals;
  warnings: Warning[];
  holder?: { did: string | undefined; name?: string };
  verifiedAt: string;
}

/** Every check holds, advisory ones aside (see `withRegistryTrust`): they are reported, not counted. */
export function allValid(checks: Check[]): boolean {
  return checks.every((c) => c.valid || c.advisory === true);
}

/**
 * One entry for `id` from many (the presentation's own and each credential's): it holds when
 * all hold; otherwise it is the first that failed (a failure before a could-not-check), naming
 * the credential it is about and how many did not hold.
 */
export function aggregate(id: CheckId, entries: Check[]): Check {
  const relevant = entries.filter((e) => e.id === id);
  if (!relevant.length) return notApplicable(id, 'Nothing to check');
  const invalid = relevant.filter((e) => !e.valid);
  if (!invalid.length) {
    if (relevant.every((e) => e.outcome === 'not_applicable')) return relevant[0]!;
    if (relevant.length === 1) return relevant[0]!;
    const credentials = relevant.filter((e) => e.credential !== undefined).length;
    const own = relevant.length - credentials;
    return passed(id, own ? `Holds for the presentation and its ${credentials} credential(s)` : `Holds for all ${credentials} credential(s)`);
  }
  // A check that counts before an advisory one, a failure before a could-not-check.
  const counting = invalid.filter((e) => e.advisory !== true);
  const pool = counting.length ? counting : invalid;
  const first = pool.find((e) => e.outcome === 'failed') ?? pool[0]!;
  return { ...first, failures: invalid.length };
}

/** Tags a credential's checks with the credential they are about, for aggregated logs. */
export function about(report: CredentialReport, index: number): Check[] {
  const name = report.id ?? `verifiableCredential[${index}]`;
  return report.checks.map((c) => ({ ...c, credential: name }));
}

export function totalsOf(credentials: CredentialReport[]): Totals {
  const totals: Totals = { hours: 0, credentials: 0, byCategory: {} };
  const seen = new Set<string>();
  for (const c of credentials) {
    const hours = c.activity?.hours;
    const category = c.activity?.category;
    if (!c.verified || typeof hours !== 'number' || typeof category !== 'string') continue;
    if (c.id && seen.has(c.id)) continue;
    if (c.id) seen.add(c.id);
    totals.hours = round(totals.hours + hours);
    totals.credentials += 1;
    totals.byCategory[category] = round((totals.byCategory[category] ?? 0) + hours);
  }
  return totals;
}

/**
 * The totals a result may report. A result that does not hold proves no hours, so it reports
 * none: an unsigned or tampered presentation of genuine credentials, or one that carries a
 * revoked credential beside good ones, must not be read as "so many verified hours". The policy
 * and the identity are exempt: hours that fall short of what a request asked for, or of someone
 * whose IIN is not the one typed, are still that holder's proven hours.
 */
export function provenTotals(checks: Check[], credentials: CredentialReport[]): Totals {
  return checks.every((c) => c.valid || c.id === POLICY || c.id === IDENTITY) ? totalsOf(credentials) : totalsOf([]);
}

/** Orders a log as CHECK_IDS does, so every result reads the same way. */
export function inOrder(checks: Check[]): Check[] {
  return [...checks].sort((a, b) => CHECK_IDS.indexOf(a.id) - CHECK_IDS.indexOf(b.id));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
