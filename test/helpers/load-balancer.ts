import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoadBalancer {
  url: string;
  /** The instances requests go to, in turn; set once they are started (they need `url` first). */
  backends: string[];
  /** `METHOD path` of each request, by the backend that served it. */
  served: Map<string, string[]>;
  stop(): Promise<void>;
}

/**
 * A round-robin HTTP load balancer on a free loopback port, as in front of several instances: each
 * request goes to the next backend. Started before the instances, because they must know the
 * public URL (ISSUER_URL) it gives them.
 */
export async function startLoadBalancer(): Promise<LoadBalancer> {
  let next = 0;
  const balancer: LoadBalancer = { url: '', backends: [], served: new Map(), stop: async () => undefined };
  const server = createServer((req, res) => {
    if (balancer.backends.length === 0) {
      res.writeHead(503).end();
      return;
    }
    const backend = balancer.backends[next++ % balancer.backends.length]!;
    const seen = balancer.served.get(backend) ?? [];
    seen.push(`${req.method} ${(req.url ?? '').split('?')[0]}`);
    balancer.served.set(backend, seen);
    const target = new URL(req.url ?? '/', backend);
    // A fresh connection per request: a kept-alive one the instance is closing would fail as a 502 here.
    const upstream = request(target, { method: req.method, agent: false, headers: { ...req.headers, host: new URL(balancer.url).host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.headersSent || res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  balancer.url = `http://localhost:${(server.address() as AddressInfo).port}`;
  balancer.stop = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return balancer;
}
