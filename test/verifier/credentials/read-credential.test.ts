import { describe, expect, it } from 'vitest';
import { credentialSchemaProblems } from '../../../shared/credential/index.ts';
import { signJwt } from '../../../shared/jwt/index.ts';
import { checkCredentialFormat } from '../../../verifier/checks/index.ts';
import { jwtFromDataUrl } from '../../../verifier/credentials/enveloped.ts';
import { readCredential } from '../../../verifier/credentials/read-credential.ts';
import { holder, IssuerFixture } from '../../helpers/issuer-fixture.ts';

describe('reading credentials', () => {
  it('normalizes a VC 1.1 JWT to the DESIGN.md shape, which the schema accepts', async () => {
    const fixture = await IssuerFixture.start();
    try {
      fixture.addOrganization('eco-qyran');
      const dana = holder();
      const issuedAt = new Date('2026-05-02T10:00:00Z');
      const c = readCredential(await fixture.issue('eco-qyran', { holderDid: dana.did, issuedAt, expiresAt: new Date('2027-05-02T10:00:00Z') }));
      expect(c.securing).toBe('jwt_vc_json');
      expect(c.credential).toMatchObject({
        issuer: { id: fixture.organizations.get('eco-qyran')!.did },
        issuanceDate: '2026-05-02T10:00:00.000Z',
        expirationDate: '2027-05-02T10:00:00.000Z',
        credentialSubject: { id: dana.did },
      });
      expect(c.id).toMatch(/^urn:uuid:/);
      expect(c.issuedAt).toEqual(issuedAt);
      expect(credentialSchemaProblems(c.credential)).toEqual([]);
      expect(checkCredentialFormat(c).valid).toBe(true);

      const v2 = readCredential(await fixture.issueV2('eco-qyran', { holderDid: dana.did, issuedAt }));
      expect(v2.securing).toBe('vc+jwt');
      expect(v2.issuedAt).toEqual(issuedAt);
      expect(v2.subjectDid).toBe(dana.did);
      expect(credentialSchemaProblems(v2.credential)).toEqual([]);
      expect(checkCredentialFormat(v2).valid).toBe(true);
    } finally {
      await fixture.stop();
    }
  });

  it('reports claims that contradict each other and unsigned JWTs as format failures', async () => {
    const dana = holder();
    const conflicting = await signJwt(
      { iss: dana.did, sub: dana.did, vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], issuer: 'did:key:z6Mkother', credentialSubject: {} } },
      { key: dana.key, kid: dana.kid },
    );
    expect(checkCredentialFormat(readCredential(conflicting)).error?.detail).toMatch(/iss .* differs from vc.issuer/);
    const body = Buffer.from(JSON.stringify({ iss: dana.did, vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], credentialSubject: {} } })).toString('base64url');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`;
    expect(checkCredentialFormat(readCredential(unsigned)).error?.detail).toMatch(/not signed/);
  });

  it('takes the JWT out of an enveloped credential only for the right media type', () => {
    expect(jwtFromDataUrl('data:application/vc+jwt,a.b.c', 'application/vc+jwt')).toBe('a.b.c');
    expect(() => jwtFromDataUrl('data:text/plain,a.b.c', 'application/vc+jwt')).toThrow(/Only application\/vc\+jwt/);
    expect(() => jwtFromDataUrl('https://example.com/vc', 'application/vc+jwt')).toThrow();
  });
});
