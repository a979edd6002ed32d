import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { StatusBitstring } from '../../shared/status-list/index.ts';
import { signJwt } from '../../shared/jwt/index.ts';
import { sampleActivity } from './activity.ts';
import { holder, type FixtureSigner } from './issuer-fixture.ts';

/**
 * What an outsider needs to attack a verifier or wallet through the sources it fetches: a did:key
 * of its own (anyone can make one) that signs credentials and status lists, and a loopback HTTP
 * server whose status lists are GZIP bombs, answer slowly or never. Tests allow loopback through
 * DID_WEB_HTTP_HOSTS, as `npm start` does. It counts requests and how many were open at once.
 */
export type StatusRoute =
  | { kind: 'list'; bits: StatusBitstring; ttlMs?: number; etag?: boolean }
  | { kind: 'bomb'; inflatedBytes: number }
  | { kind: 'slow'; ms: number }
  | { kind: 'hang' };

export interface StatusEntry {
  url: string;
  index?: number;
}

export class Attacker {
  readonly signer: FixtureSigner = holder();
  /** Routes by path; a path under `/status/bomb-` not listed is a 16 MiB bomb, `/status/hang-` never answers. */
  readonly routes = new Map<string, StatusRoute>();
  requests: { path: string; ifNoneMatch?: string }[] = [];
  open = 0;
  mostOpen = 0;
  /** TCP connections accepted, whatever came over them (a refused fetch makes none). */
  connections = 0;
  url = '';
  private server!: Server;
  private readonly bombs = new Map<number, Promise<string>>();

  static async start(): Promise<Attacker> {
    const attacker = new Attacker();
    attacker.server = createServer((req, res) => void attacker.answer(req, res));
    attacker.server.on('connection', () => attacker.connections++);
    await new Promise<void>((done) => attacker.server.listen(0, '127.0.0.1', () => done()));
    const address = attacker.server.address();
    attacker.url = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
    return attacker;
  }

  /** Forgets what was counted, so a test counts only its own requests. */
  reset(): void {
    this.requests = [];
    this.mostOpen = this.open;
    this.connections = 0;
  }

  get did(): string {
    return this.signer.did;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  /** A volunteer activity VC-JWT signed by the attacker's did:key, its `credentialStatus` the given entries (one object when `single`). */
  async credential(subjectDid: string, entries: StatusEntry[], options: { single?: boolean; hours?: number; signer?: FixtureSigner } = {}): Promise<string> {
    const by = options.signer ?? this.signer;
    const status = entries.map((e, i) => ({
      id: `${e.url}#${e.index ?? i}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(e.index ?? i),
      statusListCredential: e.url,
    }));
    return signJwt(
      {
        iss: by.did,
        sub: subjectDid,
        nbf: Math.floor(Date.now() / 1000) - 60,
        jti: `urn:uuid:${randomUUID()}`,
        vc: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiableCredential', 'VolunteerActivityCredential'],
          credentialSubject: { activity: { achievementType: 'CommunityService', ...sampleActivity(options.hours ? { hours: options.hours } : {}) } },
          ...(status.length ? { credentialStatus: options.single ? status[0] : status } : {}),
        },
      },
      { key: by.key, kid: by.kid, typ: 'JWT' },
    );
  }

  /** `count` status entries at distinct URLs under `prefix` (`bomb`, `hang`, or a route of one's own). */
  entries(prefix: string, count: number): StatusEntry[] {
    return Array.from({ length: count }, (_, i) => ({ url: `${this.url}/status/${prefix}-${randomUUID()}-${i}` }));
  }

  /** A status list credential signed by the attacker, its `encodedList` the given GZIP bytes. */
  async statusListJwt(gzipped: Buffer, ttlMs?: number): Promise<string> {
    return signJwt(
      {
        iss: this.did,
        nbf: Math.floor(Date.now() / 1000) - 60,
        vc: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiableCredential', 'BitstringStatusListCredential'],
          credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: `u${gzipped.toString('base64url')}`, ...(ttlMs !== undefined ? { ttl: ttlMs } : {}) },
        },
      },
      { key: this.signer.key, kid: this.signer.kid, typ: 'JWT' },
    );
  }

  private bomb(inflatedBytes: number): Promise<string> {
    let jwt = this.bombs.get(inflatedBytes);
    if (!jwt) this.bombs.set(inflatedBytes, (jwt = this.statusListJwt(gzipSync(Buffer.alloc(inflatedBytes), { level: 9 }))));
    return jwt;
  }

  private route(path: string): StatusRoute | undefined {
    const listed = this.routes.get(path);
    if (listed) return listed;
    if (path.startsWith('/status/bomb-')) return { kind: 'bomb', inflatedBytes: 16 * 1024 * 1024 };
    if (path.startsWith('/status/hang-')) return { kind: 'hang' };
    return undefined;
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    const ifNoneMatch = req.headers['if-none-match'];
    this.requests.push({ path, ...(ifNoneMatch ? { ifNoneMatch } : {}) });
    this.open++;
    this.mostOpen = Math.max(this.mostOpen, this.open);
    res.on('close', () => this.open--);
    const route = this.route(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (route.kind === 'hang') return;
    if (route.kind === 'slow') {
      await new Promise((r) => setTimeout(r, route.ms));
      res.writeHead(200, { 'content-type': 'application/jwt' }).end(await this.statusListJwt(gzipSync(StatusBitstring.create().bytes)));
      return;
    }
    if (route.kind === 'bomb') {
      res.writeHead(200, { 'content-type': 'application/jwt' }).end(await this.bomb(route.inflatedBytes));
      return;
    }
    const encoded = Buffer.from(route.bits.bytes);
    const etag = `"${createHash('sha256').update(encoded).digest('base64url').slice(0, 16)}"`;
    if (route.etag && ifNoneMatch === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/jwt', ...(route.etag ? { etag } : {}) }).end(await this.statusListJwt(gzipSync(encoded), route.ttlMs));
  }
}
