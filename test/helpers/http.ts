/**
 * A small HTTP client for tests: status, parsed body (JSON when it parses, the text otherwise),
 * raw bytes and headers, with a bearer token and JSON or raw bodies.
 */
export interface Answer<T = any> {
  status: number;
  body: T;
  text: string;
  bytes: Buffer;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** A raw body with its content type. */
  raw?: string;
  type?: string;
  headers?: Record<string, string>;
}

export async function call<T = any>(base: string, method: string, path: string, options: CallOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
    headers['content-type'] = options.type ?? 'application/json';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(path.startsWith('http') ? path : base + path, { method, headers, body });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8');
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (a JWT, a page, a PNG): the text is the body.
  }
  return { status: res.status, body: parsed as T, text, bytes, headers: res.headers };
}
