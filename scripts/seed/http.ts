/**
 * HTTP for the seed: JSON and form requests that wait and try again when the service answers
 * 429 (its write rate limit) or 503, so a long seed slows down instead of failing half-way.
 */
export class HttpFailure extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: { code?: string; error?: string; detail?: string; error_description?: string } | undefined,
  ) {
    super(`${method} ${new URL(url).pathname} → ${status} ${body?.code ?? body?.error ?? ''}: ${body?.detail ?? body?.error_description ?? ''}`);
  }
}

export interface RequestOptions {
  method?: string;
  token?: string;
  json?: unknown;
  form?: Record<string, string>;
}

const RETRIES = 8;
let throttled = 0;

/** How many times the service has asked the seed to slow down (429) so far. */
export function rateLimitWaits(): number {
  return throttled;
}

export async function request<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.json !== undefined || options.form ? 'POST' : 'GET');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  }
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, { method, headers, body });
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (res.ok) return parsed as T;
    if ((res.status === 429 || res.status === 503) && attempt < RETRIES) {
      if (res.status === 429) throttled++;
      await new Promise((r) => setTimeout(r, retryDelayMs(res.headers, attempt)));
      continue;
    }
    throw new HttpFailure(method, url, res.status, parsed as HttpFailure['body']);
  }
}

function retryDelayMs(headers: Headers, attempt: number): number {
  const after = Number(headers.get('retry-after'));
  if (Number.isFinite(after) && after > 0) return Math.min(after, 60) * 1000;
  return Math.min(250 * 2 ** attempt, 15_000);
}
