import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch, isForbiddenAddress } from '../../shared/net/index.ts';

describe('isForbiddenAddress', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00:ec2::254', 'fe80::1', '::ffff:127.0.0.1', '::ffff:169.254.169.254', 'not-an-ip'])(
    'refuses %s',
    (address) => expect(isForbiddenAddress(address)).toBe(true),
  );
  it.each(['8.8.8.8', '93.184.216.34', '2a00:1450:4001:80b::200e'])('allows %s', (address) => expect(isForbiddenAddress(address)).toBe(false));
});

describe('createGuardedFetch', () => {
  let server: Server;
  let port = 0;
  let hits = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      if (req.url === '/big') {
        res.end(Buffer.alloc(4096, 'a'));
        return;
      }
      if (req.url === '/slow') return; // never answers
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, path: req.url }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('fetches allowed hosts over http', async () => {
    const fetch = createGuardedFetch({ httpHosts: ['localhost', '127.0.0.1'] });
    const res = await fetch(`http://localhost:${port}/doc`);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ ok: true, path: '/doc' });
  });

  it('refuses plain http, loopback and metadata addresses for other hosts, without connecting', async () => {
    const fetch = createGuardedFetch({ httpHosts: [] });
    const before = hits;
    await expect(fetch(`http://127.0.0.1:${port}/doc`)).rejects.toMatchObject({ code: 'fetch_refused' });
    await expect(fetch(`https://127.0.0.1:${port}/doc`)).rejects.toMatchObject({ code: 'fetch_refused' });
    await expect(fetch('https://169.254.169.254/latest/meta-data/')).rejects.toMatchObject({ code: 'fetch_refused' });
    await expect(fetch('https://[::1]/')).rejects.toMatchObject({ code: 'fetch_refused' });
    await expect(fetch('file:///etc/passwd')).rejects.toMatchObject({ code: 'fetch_refused' });
    await expect(fetch('https://user:pw@example.kz/')).rejects.toMatchObject({ code: 'fetch_refused' });
    expect(hits).toBe(before);
  });

  it('refuses a public-looking name that resolves to a private address (checked after DNS)', async () => {
    const fetch = createGuardedFetch({
      httpHosts: [],
      lookup: async (host) => (host === 'rebind.example' ? [{ address: '8.8.8.8', family: 4 }, { address: '127.0.0.1', family: 4 }] : [{ address: '169.254.169.254', family: 4 }]),
    });
    await expect(fetch('https://rebind.example/x')).rejects.toMatchObject({ code: 'fetch_refused' });
    await expect(fetch('https://metadata.example/x')).rejects.toMatchObject({ code: 'fetch_refused', message: expect.stringContaining('169.254.169.254') });
  });

  it('connects to the address it checked, not to a second DNS answer', async () => {
    // The name is allowed and "resolves" to our loopback server: the request must reach it there.
    const fetch = createGuardedFetch({ httpHosts: ['pinned.test'], lookup: async () => [{ address: '127.0.0.1', family: 4 }] });
    const res = await fetch(`http://pinned.test:${port}/pinned`);
    expect(res.json()).toEqual({ ok: true, path: '/pinned' });
  });

  it('cuts responses at the size limit and requests at the timeout', async () => {
    const fetch = createGuardedFetch({ httpHosts: ['localhost'], maxBytes: 1024, timeoutMs: 300 });
    await expect(fetch(`http://localhost:${port}/big`)).rejects.toMatchObject({ code: 'fetch_failed', message: expect.stringContaining('larger than 1024') });
    await expect(fetch(`http://localhost:${port}/slow`)).rejects.toMatchObject({ code: 'fetch_failed', message: expect.stringContaining('300 ms') });
  });
});
