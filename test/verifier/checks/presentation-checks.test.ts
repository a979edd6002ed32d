import { describe, expect, it } from 'vitest';
import { checkChallenge, checkHolderBinding, checkPresentationFormat } from '../../../verifier/checks/index.ts';
import { readPresentation } from '../../../verifier/credentials/read-presentation.ts';
import { holder, presentation } from '../../helpers/issuer-fixture.ts';

describe('presentation checks', () => {
  it('holder binding: the signer must be the subject, and the named holder the signer', async () => {
    const dana = holder();
    const p = readPresentation(await presentation(dana, ['a.b.c']));
    expect(checkHolderBinding(p, dana.did, true).outcome).toBe('passed');
    expect(checkHolderBinding(p, holder().did, true).error?.code).toBe('holder_not_subject');
    expect(checkHolderBinding(p, undefined, true).error?.code).toBe('holder_not_subject');
    const impostor = readPresentation(await presentation(dana, ['a.b.c'], { holderDid: holder().did }));
    expect(checkHolderBinding(impostor, dana.did, true).error?.code).toBe('holder_not_signer');
  });

  it('holder binding passes only when possession was proven to this verifier; otherwise it is a bearer presentation', async () => {
    const dana = holder();
    const p = readPresentation(await presentation(dana, ['a.b.c']));
    const bearer = checkHolderBinding(p, dana.did, false);
    expect(bearer).toMatchObject({ valid: true, outcome: 'not_applicable', bearer: true });
    expect(bearer.detail).toMatch(/anyone who has this presentation can show it/);
    expect(checkHolderBinding(p, holder().did, false).error?.code).toBe('holder_not_subject');
  });

  it('challenge: nonce first, then audience; not applicable when none was asked', async () => {
    const p = readPresentation(await presentation(holder(), ['a.b.c'], { nonce: 'n1', aud: 'redirect_uri:https://v.example/cb' }));
    expect(checkChallenge(p, { nonce: 'n1', audience: 'redirect_uri:https://v.example/cb' }, '').outcome).toBe('passed');
    expect(checkChallenge(p, { nonce: 'n2', audience: 'redirect_uri:https://v.example/cb' }, '').error?.code).toBe('nonce_mismatch');
    expect(checkChallenge(p, { nonce: 'n1', audience: 'https://other.example' }, '').error?.code).toBe('audience_mismatch');
    expect(checkChallenge(p, undefined, 'a share link').outcome).toBe('not_applicable');
    const bare = readPresentation(await presentation(holder(), ['a.b.c']));
    expect(checkChallenge(bare, { nonce: 'n1' }, '').error?.code).toBe('nonce_missing');
  });

  it('format: a presentation must carry readable credentials, none twice', async () => {
    const dana = holder();
    expect(checkPresentationFormat(readPresentation(await presentation(dana, ['a.b.c']))).valid).toBe(true);
    expect(checkPresentationFormat(readPresentation(await presentation(dana, []))).error?.code).toBe('malformed_presentation');
    expect(checkPresentationFormat(readPresentation(await presentation(dana, ['a.b.c', 'a.b.c']))).error?.detail).toMatch(/more than once/);
    const many = Array.from({ length: 101 }, (_, i) => `a.b${i}.c`);
    expect(checkPresentationFormat(readPresentation(await presentation(dana, many))).error?.detail).toMatch(/at most 100/);
  });
});
