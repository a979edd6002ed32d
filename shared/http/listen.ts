import { createServer, type RequestListener, type Server } from 'node:http';

export interface RunningServer {
  server: Server;
  port: number;
  close(graceMs?: number): Promise<void>;
}

/** Serves `handler` (an Express app, or what stands in front of one) on `port` (0 picks a free one); resolves once the socket is bound. */
export function listen(handler: RequestListener, port: number, host = '0.0.0.0'): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = createServer(handler).listen(port, host);
    server.once('error', reject);
    server.once('listening', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      resolve({
        server,
        port: bound,
        // Stops accepting, lets requests in flight finish (idle keep-alive sockets are closed at
        // once), and cuts what is still open after `graceMs`.
        close: (graceMs = 5_000) =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
            setTimeout(() => server.closeAllConnections(), graceMs).unref();
          }),
      });
    });
  });
}
