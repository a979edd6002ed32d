import { createServer, type Server } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { didWebFromUrl } from '../../shared/config.ts';
import { buildVolunteerCredential, type Activity } from '../../shared/credential/index.ts';
import { ed25519PrivateKeyObject, generateEd25519, publicJwk } from '../../shared/crypto/index.ts';
import { didKeyFromPublicKey, multibaseEd25519 } from '../../shared/did/index.ts';
import { signJwt } from '../../shared/jwt/index.ts';
import { StatusBitstring } from '../../shared/status-list/index.ts';
import { sampleActivity } from './activity.ts';
import type { AccreditationInterval } from '../../shared/trust/index.ts';

/**
 * A small stand-in for the issuer, for tests that must not wait for the real one: a loopback
 * HTTP server that serves a registry did:web, organizations' did:web documents, their status
 * lists and a trust list signed by the registry, all with keys made in the test. It counts every
 * request, and paths can be taken down to play an outage.
 */
export interface FixtureSigner {
  did: string;
  kid: string;
  key: KeyObject;
  publicKey: Uint8Array;
}

export interface FixtureOrganization extends FixtureSigner {
  id: string;
  name: { kk: string; ru: string; en: string };
  region: string;
  status: 'accredited' | 'suspended';
  accreditations: AccreditationInterval[];
  statusList: StatusBitstring;
  statusListUrl: string;
  /** False for an organization that has a DID document but is not in the trust list. */
  listed: boolean;
}

export interface FixtureCredentialOptions {
  holderDid: string;
  holderName?: string;
  activity?: Partial<Activity>;
  /** Issuance instant (nbf); now by default. */
  issuedAt?: Date;
  expiresAt?: Date;
  statusIndex?: number;
  /** Signs with this key instead of the organization's (a forgery). */
  signer?: FixtureSigner;
}

export const SAMPLE_ACTIVITY: Activity = { achievementType: 'CommunityService', ...sampleActivity() };

export class IssuerFixture {
  readonly organizations = new Map<string, FixtureOrganization>();
  /** Paths answered with 503, to play an outage of one resource. */
  readonly down = new Set<string>();
  /** Share links served at `/p/{token}`: a presentation JWT, or 410 once deleted. */
  readonly shares = new Map<string, string | 'gone'>();
  requests: string[] = [];
  registry!: FixtureSigner;
  url = '';
  private server!: Server;

  static async start(): Promise<IssuerFixture> {
    const fixture = new IssuerFixture();
    await fixture.listen();
    return fixture;
  }

  get trustListUrl(): string {
    return `${this.url}/v1/trust-list`;
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.answer(req.url ?? '/').then(
        ({ status, type, body }) => res.writeHead(status, { 'content-type': type }).end(body),
        (err) => res.writeHead(500).end(String(err)),
      );
    });
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', () => done()));
    const address = this.server.address();
    this.url = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
    this.registry = signer(didWebFromUrl(this.url), 'key-1');
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  addOrganization(
    id: string,
    options: { accreditations?: AccreditationInterval[]; status?: 'accredited' | 'suspended'; listed?: boolean } = {},
  ): FixtureOrganization {
    const did = didWebFromUrl(this.url, 'orgs', id);
    const org: FixtureOrganization = {
      ...signer(did, 'key-1'),
      id,
      name: { kk: `${id} ұйымы`, ru: `Организация ${id}`, en: `Organization ${id}` },
      region: 'KZ-55',
      status: options.status ?? 'accredited',
      accreditations: options.accreditations ?? [{ from: '2020-01-01T00:00:00Z', until: null }],
      statusList: StatusBitstring.create(),
      statusListUrl: `${this.url}/status/${id}/1`,
      listed: options.listed ?? true,
    };
    this.organizations.set(id, org);
    return org;
  }

  /** A VC-JWT shaped as the issuer's Veramo makes it (contracts.md). */
  async issue(orgId: string, options: FixtureCredentialOptions): Promise<string> {
    const org = this.organizations.get(orgId)!;
    const issuedAt = options.issuedAt ?? new Date();
    const index = options.statusIndex ?? Math.floor(Math.random() * 131_072);
    const credential = buildVolunteerCredential({
      issuerUrl: this.url,
      id: `urn:uuid:${randomUUID()}`,
      issuer: { id: org.did, name: org.name.ru },
      issuanceDate: issuedAt.toISOString(),
      subject: { id: options.holderDid, ...(options.holderName ? { name: options.holderName } : {}) },
      activity: { ...SAMPLE_ACTIVITY, ...options.activity },
      status: {
        id: `${org.statusListUrl}#${index}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(index),
        statusListCredential: org.statusListUrl,
      },
    });
    const { id, issuer, issuanceDate: _issued, credentialSubject, ...rest } = credential;
    const { id: subjectId, ...subject } = credentialSubject;
    const payload = {
      iss: issuer.id,
      sub: subjectId,
      nbf: Math.floor(issuedAt.getTime() / 1000),
      jti: id,
      ...(options.expiresAt ? { exp: Math.floor(options.expiresAt.getTime() / 1000) } : {}),
      vc: { ...rest, issuer: { name: issuer.name }, credentialSubject: subject },
    };
    const by = options.signer ?? org;
    return signJwt(payload, { key: by.key, kid: options.signer ? by.kid : org.kid, typ: 'JWT' });
  }

  /** A VC Data Model 2.0 credential secured as `vc+jwt` (VC-JOSE-COSE): the payload is the credential. */
  async issueV2(orgId: string, options: FixtureCredentialOptions): Promise<string> {
    const org = this.organizations.get(orgId)!;
    const issuedAt = options.issuedAt ?? new Date();
    const index = options.statusIndex ?? Math.floor(Math.random() * 131_072);
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2', `${this.url}/contexts/volunteer/v1`],
      id: `urn:uuid:${randomUUID()}`,
      type: ['VerifiableCredential', 'VolunteerActivityCredential'],
      issuer: { id: org.did, name: org.name.en },
      validFrom: issuedAt.toISOString(),
      ...(options.expiresAt ? { validUntil: options.expiresAt.toISOString() } : {}),
      credentialSubject: { id: options.holderDid, ...(options.holderName ? { name: options.holderName } : {}), activity: { ...SAMPLE_ACTIVITY, ...options.activity } },
      credentialStatus: {
        id: `${org.statusListUrl}#${index}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(index),
        statusListCredential: org.statusListUrl,
      },
      credentialSchema: { id: `${this.url}/schemas/volunteer-activity/v1.json`, type: 'JsonSchema' },
    };
    return signJwt(credential, { key: org.key, kid: org.kid, typ: 'vc+jwt' });
  }

  private async answer(path: string): Promise<{ status: number; type: string; body: string }> {
    this.requests.push(path);
    if (this.down.has(path)) return { status: 503, type: 'text/plain', body: 'down' };
    if (path === '/.well-known/did.json') return json(didDocument(this.registry));
    const orgDoc = /^\/orgs\/([^/]+)\/did\.json$/.exec(path);
    if (orgDoc && this.organizations.has(orgDoc[1]!)) return json(didDocument(this.organizations.get(orgDoc[1]!)!));
    const share = /^\/p\/([^/?]+)/.exec(path);
    if (share && this.shares.has(share[1]!)) {
      const jwt = this.shares.get(share[1]!)!;
      return jwt === 'gone' ? { status: 410, type: 'application/problem+json', body: '{"code":"gone"}' } : { status: 200, type: 'application/jwt', body: jwt };
    }
    if (path === '/v1/trust-list') return { status: 200, type: 'application/jwt', body: await this.trustList() };
    const status = /^\/status\/([^/]+)\/1$/.exec(path);
    if (status && this.organizations.has(status[1]!)) return { status: 200, type: 'application/jwt', body: await this.statusListJwt(this.organizations.get(status[1]!)!) };
    return { status: 404, type: 'text/plain', body: 'not found' };
  }

  async trustList(signedBy: FixtureSigner = this.registry): Promise<string> {
    const iat = Math.floor(Date.now() / 1000);
    return signJwt(
      {
        iss: signedBy.did,
        iat,
        exp: iat + 3600,
        version: 1,
        organizations: [...this.organizations.values()].filter((o) => o.listed).map((o) => ({
          id: o.id,
          did: o.did,
          name: o.name,
          region: o.region,
          status: o.status,
          accreditations: o.accreditations,
        })),
        frontOffices: [],
      },
      { key: signedBy.key, kid: signedBy.kid, typ: 'trust-list+jwt' },
    );
  }

  async statusListJwt(org: FixtureOrganization, signedBy: FixtureSigner = org): Promise<string> {
    const iat = Math.floor(Date.now() / 1000);
    return signJwt(
      {
        iss: signedBy.did,
        nbf: iat,
        jti: org.statusListUrl,
        vc: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiableCredential', 'BitstringStatusListCredential'],
          credentialSubject: { id: `${org.statusListUrl}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: org.statusList.encode() },
        },
      },
      { key: signedBy.key, kid: signedBy.kid, typ: 'JWT' },
    );
  }
}

/** A signer with a fresh Ed25519 key, named `{did}#{fragment}`. */
export function signer(did: string, fragment: string): FixtureSigner {
  const keys = generateEd25519();
  return { did, kid: `${did}#${fragment}`, key: ed25519PrivateKeyObject(keys.privateKey, keys.publicKey), publicKey: keys.publicKey };
}

/** A volunteer's did:key, as the wallet makes it. */
export function holder(): FixtureSigner {
  const keys = generateEd25519();
  const did = didKeyFromPublicKey(keys.publicKey);
  return { did, kid: `${did}#${multibaseEd25519(keys.publicKey)}`, key: ed25519PrivateKeyObject(keys.privateKey, keys.publicKey), publicKey: keys.publicKey };
}

/** Whoever signs a presentation: a DID, its key and the key's id. */
export type Presenter = Pick<FixtureSigner, 'did' | 'kid' | 'key'>;

/** A VP-JWT as the wallet makes it (contracts.md): for share links without nonce/aud, for requests with them. */
export async function presentation(
  by: Presenter,
  credentials: string[],
  options: { nonce?: string; aud?: string; expiresInSeconds?: number; holderDid?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const holderDid = options.holderDid ?? by.did;
  return signJwt(
    {
      iss: holderDid,
      nbf: now,
      exp: now + (options.expiresInSeconds ?? 300),
      jti: `urn:uuid:${randomUUID()}`,
      ...(options.nonce ? { nonce: options.nonce } : {}),
      ...(options.aud ? { aud: options.aud } : {}),
      vp: {
        '@context': ['https://www.w3.org/2018/credentials/v1'],
        type: ['VerifiablePresentation'],
        holder: holderDid,
        verifiableCredential: credentials,
      },
    },
    { key: by.key, kid: by.kid, typ: 'JWT' },
  );
}

/** A VC Data Model 2.0 presentation secured as `vp+jwt`, its credentials enveloped. */
export async function presentationV2(by: Presenter, credentials: string[], options: { nonce?: string; aud?: string } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      holder: by.did,
      verifiableCredential: credentials.map((jwt) => ({
        '@context': 'https://www.w3.org/ns/credentials/v2',
        type: 'EnvelopedVerifiableCredential',
        id: `data:application/vc+jwt,${jwt}`,
      })),
      iat: now,
      exp: now + 300,
      ...(options.nonce ? { nonce: options.nonce } : {}),
      ...(options.aud ? { aud: options.aud } : {}),
    },
    { key: by.key, kid: by.kid, typ: 'vp+jwt' },
  );
}

function didDocument(s: FixtureSigner): Record<string, unknown> {
  const vm = { id: s.kid, type: 'JsonWebKey2020', controller: s.did, publicKeyJwk: publicJwk(s.publicKey) };
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: s.did,
    verificationMethod: [vm],
    authentication: [s.kid],
    assertionMethod: [s.kid],
  };
}

function json(body: unknown): { status: number; type: string; body: string } {
  return { status: 200, type: 'application/json', body: JSON.stringify(body) };
}
