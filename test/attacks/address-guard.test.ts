import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch, isForbiddenAddress } from '../../shared/net/index.ts';

// Issue 8: `[::127.0.0.1]` and `::7f00:1` (IPv4-compatible IPv6) passed the address guard. Every
// IPv6 form that carries a loopback, private or metadata IPv4 address is refused like that address.
describe('the address guard and IPv6 forms of IPv4 addresses', () => {
  let server: Server;
  let port = 0;
  let connections = 0;

  beforeAll(async () => {
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it.each([
    ['IPv4-compatible loopback, dotted', '::127.0.0.1'],
    ['IPv4-compatible loopback, hex', '::7f00:1'],
    ['IPv4-compatible metadata address', '::a9fe:a9fe'],
    ['IPv4-mapped loopback, hex', '::ffff:7f00:1'],
    ['IPv4-mapped, written out in full', '0:0:0:0:0:ffff:7f00:1'],
    ['IPv4-mapped private address', '::ffff:10.0.0.1'],
    ['IPv4-translated (SIIT) loopback', '::ffff:0:7f00:1'],
    ['6to4 of loopback', '2002:7f00:1::1'],
    ['6to4 of the metadata address', '2002:a9fe:a9fe::'],
    ['NAT64 of loopback', '64:ff9b::7f00:1'],
    ['bracketed, as in a URL', '[::7f00:1]'],
  ])('refuses %s (%s)', (_name, address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(['::ffff:8.8.8.8', '2002:808:808::1', '2a00:1450:4001:80b::200e'])('still allows the public address inside %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });

  it('the guarded fetch refuses each form in a URL before connecting', async () => {
    const fetch = createGuardedFetch({ httpHosts: [] });
    for (const host of ['[::127.0.0.1]', '[::7f00:1]', '[::ffff:127.0.0.1]', '[0:0:0:0:0:ffff:7f00:1]', '[::ffff:0:7f00:1]']) {
      await expect(fetch(`https://${host}:${port}/.well-known/did.json`), host).rejects.toMatchObject({ code: 'fetch_refused' });
    }
    const nameFor = createGuardedFetch({ httpHosts: [], lookup: async () => [{ address: '::7f00:1', family: 6 }] });
    await expect(nameFor(`https://rebind.example:${port}/`)).rejects.toMatchObject({ code: 'fetch_refused' });
    expect(connections).toBe(0);
  });
});
