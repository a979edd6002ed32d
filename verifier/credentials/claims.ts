/** Small readers for untyped JSON claims, shared by the credential and presentation readers. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A JWT NumericDate (seconds) as a Date. */
export function fromSeconds(value: unknown): Date | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000) : undefined;
}

/** An ISO 8601 date-time claim as a Date; undefined when absent or not a date. */
export function fromIso(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t);
}

export function types(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
}

/** The DID part of a DID URL (`did:key:z6Mk…#z6Mk…` → `did:key:z6Mk…`). */
export function didOf(value: unknown): string | undefined {
  const s = asString(value);
  return s?.startsWith('did:') ? s.split('#')[0] : undefined;
}

export function earliest(...dates: (Date | undefined)[]): Date | undefined {
  const known = dates.filter((d): d is Date => d !== undefined);
  return known.length ? new Date(Math.min(...known.map((d) => d.getTime()))) : undefined;
}

export function latest(...dates: (Date | undefined)[]): Date | undefined {
  const known = dates.filter((d): d is Date => d !== undefined);
  return known.length ? new Date(Math.max(...known.map((d) => d.getTime()))) : undefined;
}
