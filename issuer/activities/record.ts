import { randomUUID } from 'node:crypto';
import type { SecretBox } from '../../shared/crypto/index.ts';
import type { Queryable, SqlValue } from '../../shared/db/index.ts';
import { auditAll, type AuditEntry } from '../audit/index.ts';
import type { OrganizationActor } from '../auth/index.ts';
import { accreditedOrganization } from '../credentials/organization.ts';
import type { IssuerDeps } from '../deps.ts';
import { iinVault } from './iin.ts';
import { requestFingerprint, type ActivityRequest } from './input.ts';
import { queueOfferMail } from './mail/queue.ts';
import { newOfferLink, OFFER_LIFETIME_DAYS, type OfferLink } from './offer-link.ts';
import { effectiveStatus, offerLinks, type ActivityStatus } from './view.ts';

/** What `recordPrepared` found: an offered activity's token, from which its links are made when answered. */
export type RecordedActivity =
  | { ok: true; id: string; status: ActivityStatus; offerToken?: string; replayed: boolean }
  | { ok: false; code: 'conflict'; field: 'idempotencyKey'; detail: string };

export type RecordOutcome =
  | { ok: true; id: string; status: ActivityStatus; offerUri?: string; claimUrl?: string; qrUrl?: string; replayed: boolean }
  | { ok: false; code: 'conflict'; field: 'idempotencyKey'; detail: string };

export interface RecordOptions {
  /** The upload the activities came from, so cards and the list can take it whole. */
  uploadId?: string;
}

/** Rows per INSERT statement: 20 parameters each stays far below every engine's limit. */
const ROWS_PER_STATEMENT = 200;

const COLUMNS = [
  'id', 'organization_id', 'volunteer_name', 'volunteer_email', 'activity', 'status', 'idempotency_key',
  'request_hash', 'offer_hash', 'offer_sealed', 'offer_expires_at', 'created_at', 'updated_at', 'volunteer_language', 'upload_id',
  'project', 'start_date', 'end_date', 'volunteer_search', 'volunteer_iin_sealed',
] as const;

/**
 * Records activities for an organization in ONE transaction, with an offer each, and audits
 * them there. An idempotency key already used by the organization is answered with the activity
 * first recorded under it (a different content is a conflict): the unique constraint on
 * (organization, key) decides, and the row is read back in the same transaction, so two identical
 * requests racing each other record one activity.
 */
export async function recordActivities(
  deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>,
  box: SecretBox,
  organization: OrganizationActor,
  requests: readonly ActivityRequest[],
  options: RecordOptions = {},
): Promise<RecordOutcome[]> {
  const now = deps.now();
  const prepared = prepareActivities(deps, box, requests);
  const recorded = await deps.db.transaction(async (tx) => {
    await accreditedOrganization(tx, organization.id);
    return recordPrepared(tx, deps, box, organization, prepared, now, options);
  });
  const bases = { issuerUrl: deps.config.issuerUrl, walletUrl: deps.config.walletUrl };
  return recorded.map((r) => {
    if (!r.ok) return r;
    const { offerToken, ...rest } = r;
    return { ...rest, ...(offerToken ? offerLinks(bases, r.id, offerToken) : {}) };
  });
}

/** An activity ready to be written: its id, its content's fingerprint and its offer. */
export interface PreparedActivity {
  request: ActivityRequest;
  id: string;
  hash: string;
  offer: OfferLink;
  iinSealed: string | null;
}

/** Gives each request its id, fingerprint and offer (the cryptography, done before any statement). */
export function prepareActivities(deps: Pick<IssuerDeps, 'config'>, box: SecretBox, requests: readonly ActivityRequest[]): PreparedActivity[] {
  const iins = iinVault(deps.config.passportSecret);
  return requests.map((request) => {
    const iin = request.volunteer.iin;
    const fingerprinted = iin ? { ...request, volunteer: { ...request.volunteer, iin: iins.fingerprint(iin) } } : request;
    return { request, id: randomUUID(), hash: requestFingerprint(fingerprinted), offer: newOfferLink(box), iinSealed: iin ? iins.seal(iin) : null };
  });
}

/**
 * Writes prepared activities inside the caller's transaction (whose organization is known to be
 * accredited) and audits them there; `recordActivities` is this in a transaction of its own. A
 * batch calls it for a few hundred rows at a time within one transaction, so what the rows need
 * on their way in is let go as each part is written.
 */
export async function recordPrepared(
  tx: Queryable,
  deps: Pick<IssuerDeps, 'config'>,
  box: SecretBox,
  organization: OrganizationActor,
  prepared: readonly PreparedActivity[],
  now: Date,
  options: RecordOptions = {},
): Promise<RecordedActivity[]> {
  const organizationId = organization.id;
  const at = now.toISOString();
  const expires = new Date(now.getTime() + OFFER_LIFETIME_DAYS * 86_400_000).toISOString();
  const inserted = new Set<string>();
  for (let i = 0; i < prepared.length; i += ROWS_PER_STATEMENT) {
    const slice = prepared.slice(i, i + ROWS_PER_STATEMENT);
    const params: SqlValue[] = [];
    for (const p of slice) {
      params.push(p.id, organizationId, p.request.volunteer.name, p.request.volunteer.email ?? null, JSON.stringify(p.request.activity), 'offered');
      params.push(p.request.idempotencyKey ?? null, p.hash, p.offer.hash, p.offer.sealed, expires, at, at, p.request.volunteer.language ?? null, options.uploadId ?? null);
      params.push(p.request.activity.project ?? null, p.request.activity.activityStartDate, p.request.activity.activityEndDate, searchable(p.request.volunteer.name), p.iinSealed);
    }
    const rows = await tx.all<{ id: string }>(insertSql(slice.length), params);
    for (const r of rows) inserted.add(r.id);
  }
  const earlier = await earlierUnderKeys(
    tx,
    organizationId,
    prepared.filter((p) => !inserted.has(p.id)).map((p) => p.request.idempotencyKey!),
  );
  const outcomes: RecordedActivity[] = [];
  const recorded: AuditEntry[] = [];
  for (const p of prepared) {
    if (inserted.has(p.id)) {
      recorded.push({ at: now, actor: organization, action: 'activity.recorded', subject: p.id, detail: { idempotencyKey: p.request.idempotencyKey, uploadId: options.uploadId } });
      if (p.request.volunteer.email && deps.config.smtpUrl) {
        await queueOfferMail(tx, { organizationId, activityId: p.id, recipient: p.request.volunteer.email, language: p.request.volunteer.language, now });
      }
      outcomes.push({ ok: true, id: p.id, status: 'offered', offerToken: p.offer.token, replayed: false });
      continue;
    }
    const first = earlier.get(p.request.idempotencyKey!)!;
    if (first.request_hash !== p.hash) {
      outcomes.push({
        ok: false,
        code: 'conflict',
        field: 'idempotencyKey',
        detail: `idempotencyKey "${p.request.idempotencyKey}" was already used for activity ${first.id} with different content`,
      });
      continue;
    }
    const status = effectiveStatus(first, now);
    outcomes.push({
      ok: true,
      id: first.id,
      status,
      ...(status === 'offered' ? { offerToken: box.open(first.offer_sealed).toString('utf8') } : {}),
      replayed: true,
    });
  }
  await auditAll(tx, recorded);
  return outcomes;
}

/** The multi-row INSERT for `rows` rows, made once per size (a 200-row one is some 12 KB of text). */
const insertSqlBySize = new Map<number, string>();
function insertSql(rows: number): string {
  let sql = insertSqlBySize.get(rows);
  if (!sql) {
    const row = `(${COLUMNS.map(() => '?').join(', ')})`;
    sql = `INSERT INTO activities (${COLUMNS.join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}
         ON CONFLICT (organization_id, idempotency_key) DO NOTHING RETURNING id`;
    insertSqlBySize.set(rows, sql);
  }
  return sql;
}

interface EarlierRow {
  id: string;
  idempotency_key: string;
  request_hash: string;
  status: 'offered' | 'claimed' | 'revoked' | 'withdrawn';
  offer_sealed: string;
  offer_expires_at: string;
}

async function earlierUnderKeys(tx: Queryable, organizationId: string, keys: string[]): Promise<Map<string, EarlierRow>> {
  const found = new Map<string, EarlierRow>();
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += 500) {
    const slice = unique.slice(i, i + 500);
    const rows = await tx.all<EarlierRow>(
      `SELECT id, idempotency_key, request_hash, status, offer_sealed, offer_expires_at FROM activities
        WHERE organization_id = ? AND idempotency_key IN (${slice.map(() => '?').join(', ')})`,
      [organizationId, ...slice],
    );
    for (const r of rows) found.set(r.idempotency_key, r);
  }
  return found;
}

/** A name as the list's search compares it: lower case in any script, `ё` as `е`. */
export function searchable(name: string): string {
  return name.toLocaleLowerCase('ru').replaceAll('ё', 'е');
}
