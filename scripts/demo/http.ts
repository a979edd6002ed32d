/**
 * A small JSON client for the services' public APIs, used by `npm start` and `npm run seed` so
 * that demo and bulk data go through the same routes and checks as real users' requests.
 */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private token?: string,
  ) {}

  withToken(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  withoutToken(): ApiClient {
    return new ApiClient(this.baseUrl);
  }

  async json<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': typeof body === 'string' ? 'text/csv; charset=utf-8' : 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as T) : (undefined as T);
    if (!res.ok) throw new ApiError(method, path, res.status, parsed as { code?: string; detail?: string });
    return parsed;
  }
}

export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly problem: { code?: string; detail?: string } | undefined,
  ) {
    super(`${method} ${path} → ${status} ${problem?.code ?? ''}: ${problem?.detail ?? ''}`);
  }
}
