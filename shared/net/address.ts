import { BlockList, isIP } from 'node:net';

/**
 * Addresses a server-side fetch must never reach unless the host is explicitly allowed:
 * loopback, private ranges, link-local (cloud metadata lives at 169.254.169.254 and fd00:ec2::254),
 * carrier-grade NAT, multicast, unspecified and reserved. Checked after DNS resolution, on the
 * address that is then actually connected to.
 */
const forbidden = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  forbidden.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  // IPv4-compatible (::a.b.c.d, deprecated; `[::127.0.0.1]` is written `[::7f00:1]`), with :: and ::1.
  ['::', 96],
  // IPv4-translated (SIIT) and the NAT64 prefixes: they reach IPv4 hosts through a translator.
  ['::ffff:0:0:0', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  // Teredo hides an IPv4 address (inverted) in its last bits.
  ['2001::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['100::', 64],
] as const) {
  forbidden.addSubnet(net, prefix, 'ipv6');
}

export function isForbiddenAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return forbidden.check(bare, 'ipv4');
  if (family !== 6) return true;
  const bytes = ipv6Bytes(bare);
  if (!bytes) return true;
  // An IPv6 address that carries an IPv4 one is judged as that IPv4 address too.
  const inner = embeddedIpv4(bytes);
  if (inner && forbidden.check(inner, 'ipv4')) return true;
  return forbidden.check(bare, 'ipv6');
}

/** IPv4-mapped (::ffff:a.b.c.d, whichever way it is written) and 6to4 (2002:AABB:CCDD::/48) carry an IPv4 address. */
function embeddedIpv4(b: Uint8Array): string | undefined {
  const zeros = (from: number, to: number) => b.subarray(from, to).every((x) => x === 0);
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return `${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
  if (b[0] === 0x20 && b[1] === 0x02) return `${b[2]}.${b[3]}.${b[4]}.${b[5]}`;
  return undefined;
}

/** The 16 bytes of an IPv6 address in any of its textual forms (`::`, a trailing dotted quad). */
function ipv6Bytes(address: string): Uint8Array | undefined {
  let text = address.toLowerCase();
  const tail: number[] = [];
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    tail.push(...quad.slice(1).map(Number));
    if (tail.some((n) => n > 255)) return undefined;
    text = `${text.slice(0, quad.index)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s ? s.split(':') : []);
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  const bytes = new Uint8Array(16);
  for (const [i, g] of all.entries()) {
    if (!/^[0-9a-f]{1,4}$/.test(g)) return undefined;
    const n = parseInt(g, 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 0xff;
  }
  if (tail.length) bytes.set(tail, 12);
  return bytes;
}
