/** A small JSON client for the registry tests: status, parsed body, headers. */
export interface Answer<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export async function call<T = any>(base: string, method: string, path: string, options: { token?: string; body?: unknown; raw?: string; type?: string } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
    headers['content-type'] = options.type ?? 'application/json';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(base + path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (a JWT, an empty body): the text is the body.
  }
  return { status: res.status, body: parsed as T, text, headers: res.headers };
}

export const PAVLODAR_NAME = { kk: 'Павлодар облысының волонтерлік орталығы', ru: 'Волонтерский центр Павлодарской области', en: 'Pavlodar volunteer centre' };
