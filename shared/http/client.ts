import type { Request } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';

/**
 * The client address that per-client limits count: `req.ip` (which honours `X-Forwarded-For`
 * only from a loopback proxy, see `trust proxy`), with IPv6 addresses cut to their /56 network,
 * since one home or phone gets a whole network and could otherwise rotate addresses at will.
 */
export function clientAddress(req: Request): string {
  return addressKey(req.ip);
}

/** The key of a client address as the limits count it (see `clientAddress`). */
export function addressKey(ip: string | undefined): string {
  return ip ? ipKeyGenerator(ip) : 'unknown';
}
