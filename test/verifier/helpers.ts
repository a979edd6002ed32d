import { expect } from 'vitest';

/** One entry of a verification log, as the verifier answers it. */
export interface CheckEntry {
  id: string;
  valid: boolean;
  outcome: 'passed' | 'failed' | 'unavailable' | 'not_applicable';
  error?: { code: string; detail: string };
  credential?: string;
  advisory?: boolean;
}

export interface Result {
  verified: boolean;
  kind: string;
  checks: CheckEntry[];
  credentials: { id: string; verified: boolean; issuer: { did: string; name?: Record<string, string>; status?: string }; subject: { did: string; name?: string }; activity?: Record<string, unknown>; checks: CheckEntry[] }[];
  totals: { hours: number; credentials: number; byCategory: Record<string, number> };
  warnings: { code: string; detail: string; credential?: string }[];
  problemDetails?: { code: string; check: string }[];
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

export function check(result: Result, id: string): CheckEntry {
  const found = result.checks.find((c) => c.id === id);
  expect(found, `check ${id} is in the log`).toBeDefined();
  return found!;
}

/**
 * The failure turned exactly its own check red: `id` is not valid with `code` (and `outcome`),
 * every other check of the log is valid.
 */
export function expectOnlyRed(result: Result, id: string, code: string, outcome: 'failed' | 'unavailable' = 'failed'): void {
  expect(result.verified).toBe(false);
  const red = check(result, id);
  expect(red.valid).toBe(false);
  expect(red.outcome).toBe(outcome);
  expect(red.error?.code).toBe(code);
  const others = result.checks.filter((c) => c.id !== id && !c.valid).map((c) => `${c.id}: ${c.error?.code}`);
  expect(others).toEqual([]);
}

export function expectAllValid(result: Result): void {
  expect(result.checks.filter((c) => !c.valid).map((c) => `${c.id}: ${c.error?.code} ${c.error?.detail}`)).toEqual([]);
  expect(result.verified).toBe(true);
}
