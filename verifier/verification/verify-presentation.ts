import {
  CREDENTIAL_CHECKS,
  FORMAT,
  HOLDER_BINDING,
  MAX_PRESENTED_CREDENTIALS,
  NOT_EXPIRED,
  IDENTITY_NOT_ASKED,
  POLICY,
  SIGNATURE,
  checkChallenge,
  checkHolderBinding,
  checkNotExpired,
  checkPresentationFormat,
  checkSignature,
  notApplicable,
  unavailable,
  resolveIssuer,
  type Challenge,
  type Check,
  type CheckContext,
  type CheckId,
  type Warning,
} from '../checks/index.ts';
import type { PresentationUnderTest } from '../credentials/read-presentation.ts';
import { about, aggregate, allValid, inOrder, provenTotals, type CredentialReport, type VerificationResult } from './report.ts';
import { unreadableReport, verifyCredentialJwt } from './verify-credential.ts';

export interface PresentationOptions {
  /** The nonce and audience asked for; absent for share links, which answer no challenge. */
  challenge?: Challenge;
  /** Why the challenge does not apply, when none was asked for. */
  notAskedWhy?: string;
}

/**
 * Verifies a presentation and every credential inside it in full, then binds them: the signer of
 * the presentation must be the subject of each credential. The policy is judged afterwards
 * (`withPolicy`), over all presentations of an answer together.
 */
export async function verifyPresentation(p: PresentationUnderTest, ctx: CheckContext, options: PresentationOptions = {}): Promise<VerificationResult> {
  if (p.entries.length > MAX_PRESENTED_CREDENTIALS) return tooManyToVerify(p, ctx, options);
  const resolved = await resolveIssuer(p.signerDid, ctx);
  const [own, credentials] = await Promise.all([
    checkSignature(p.jwt, p.signerDid, 'authentication', ctx, resolved),
    Promise.all(p.entries.map((e) => ('jwt' in e ? verifyCredentialJwt(e.jwt, ctx) : unreadableReport(e.problem)))),
  ]);
  const challenge = checkChallenge(p, options.challenge, options.notAskedWhy ?? 'No challenge was asked for');
  // Possession is proven to this verifier only by an answer to its own nonce.
  const proven = challenge.outcome === 'passed' && options.challenge?.nonce !== undefined;
  const presentationChecks: Check[] = [
    checkPresentationFormat(p),
    own,
    checkNotExpired(p, ctx.now, ctx.clockSkewSeconds, 'The presentation'),
  ];
  // Credentials in a presentation that does not itself hold (unsigned, tampered, expired) are not
  // shown as verified: nothing shows who put them together.
  const bound = credentials.map((report) => bindToHolder(report, p, proven, allValid(presentationChecks)));
  const credentialChecks = bound.flatMap(about);
  const checks = inOrder([
    ...([...CREDENTIAL_CHECKS, HOLDER_BINDING] as CheckId[]).map((id) =>
      aggregate(id, [...(id === FORMAT || id === SIGNATURE || id === NOT_EXPIRED ? presentationChecks.filter((c) => c.id === id) : []), ...credentialChecks]),
    ),
    challenge,
    notApplicable(POLICY, 'No policy was asked for'),
    IDENTITY_NOT_ASKED,
  ]);
  const holderName = bound.find((c) => c.verified && c.subject.name)?.subject.name;
  return {
    verified: allValid(checks),
    kind: 'presentation',
    checks,
    credentials: bound,
    totals: provenTotals(checks, bound),
    warnings: [...subjectNameWarnings(bound), ...bound.flatMap((c) => c.warnings)],
    holder: { did: p.signerDid, ...(holderName ? { name: holderName } : {}) },
    verifiedAt: ctx.now.toISOString(),
  };
}

/**
 * A presentation carrying more than MAX_PRESENTED_CREDENTIALS credentials: its format fails and
 * nothing is fetched for it, neither its signer's DID nor any credential's sources.
 */
function tooManyToVerify(p: PresentationUnderTest, ctx: CheckContext, options: PresentationOptions): VerificationResult {
  const why = `the presentation carries ${p.entries.length} credentials, more than the ${MAX_PRESENTED_CREDENTIALS} verified at once`;
  const checks = inOrder([
    checkPresentationFormat(p),
    ...([...CREDENTIAL_CHECKS, HOLDER_BINDING] as CheckId[]).filter((id) => id !== FORMAT).map((id) => unavailable(id, 'not_checked', why)),
    checkChallenge(p, options.challenge, options.notAskedWhy ?? 'No challenge was asked for'),
    notApplicable(POLICY, 'No policy was asked for'),
    IDENTITY_NOT_ASKED,
  ]);
  return {
    verified: false,
    kind: 'presentation',
    checks,
    credentials: [],
    totals: provenTotals(checks, []),
    warnings: [],
    holder: { did: p.signerDid },
    verifiedAt: ctx.now.toISOString(),
  };
}

/** Adds the holder-binding check to a credential's own log: a credential counts only when its subject presented it. */
function bindToHolder(report: CredentialReport, p: PresentationUnderTest, proven: boolean, presentationHolds: boolean): CredentialReport {
  // An entry that could not even be read has nothing to bind; its format check already failed.
  if (report.securing === undefined) return report;
  const checks = [...report.checks, checkHolderBinding(p, report.subject.did, proven)];
  return { ...report, checks, verified: presentationHolds && allValid(checks) };
}

/**
 * Credentials bound to one key that name their subject differently ("Dana Example" in one,
 * "Aruzhan Example" in another) may be two people's records gathered under one key. The names are
 * typed by organizations, so spelling may differ honestly: the reader is warned first, and judges.
 */
export function subjectNameWarnings(reports: CredentialReport[]): Warning[] {
  const names = new Map<string, string>();
  for (const r of reports) {
    const name = r.subject.name;
    if (name) names.set(name.trim().replace(/\s+/g, ' ').toLocaleLowerCase(), name.trim());
  }
  if (names.size < 2) return [];
  return [{ code: 'subject_names_differ', detail: `The credentials name their subject differently: ${[...names.values()].join('; ')}` }];
}
