import { randomUUID } from 'node:crypto';
import { activityProblems, type Activity } from '../../shared/credential/index.ts';
import { hashToken, randomId } from '../../shared/crypto/index.ts';
import { forUpdate, type Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { searchable } from '../activities/record.ts';
import { audit, describeActor } from '../audit/index.ts';
import type { OrganizationActor } from '../auth/index.ts';
import { recordCredential, withIssuingRetry } from '../credentials/issue.ts';
import { accreditedOrganization, type IssuingOrganization } from '../credentials/organization.ts';
import type { IssuerDeps } from '../deps.ts';
import { allocateStatusSlot } from '../status/allocate.ts';
import { listCheckIns, type CheckInView } from './check-ins.ts';
import { applyHours } from './hours.ts';
import type { EventActivity, HoursRequest } from './input.ts';
import { CHECK_IN_COLUMNS, type CheckInRow } from './transaction.ts';
import { eventView, findEvent, type EventRow, type EventView } from './view.ts';

export interface Confirmation {
  event: EventView;
  /** How many check-ins this call confirmed (0 when the event was confirmed before: confirming is idempotent). */
  confirmed: number;
  checkIns: CheckInView[];
}

/**
 * Confirms an event in ONE transaction: hours and roles applied, then for every waiting
 * check-in an activity (so it shows in the activities list and the statistics like any other),
 * its credential's row with a random status slot bound to the checked-in key, and an audit entry
 * naming the person who confirmed; the event stops taking check-ins. Wallets then fetch the
 * credentials from the deferred endpoint. Confirming again changes nothing.
 */
export async function confirmEvent(deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>, actor: OrganizationActor, eventId: string, request: HoursRequest): Promise<Confirmation> {
  return withIssuingRetry(() =>
    deps.db.transaction(async (tx) => {
      const now = deps.now();
      const event = await findEvent(tx, actor.id, eventId, forUpdate(tx));
      let confirmed = 0;
      if (event.status !== 'confirmed') {
        const organization = await accreditedOrganization(tx, actor.id);
        await applyHours(tx, eventId, request, now);
        confirmed = await issueAll(deps, tx, actor, organization, event, now);
      }
      return { event: await eventView(tx, deps.config, await findEvent(tx, actor.id, eventId), now), confirmed, checkIns: (await listCheckIns(tx, eventId, now)).checkIns };
    }),
  );
}

async function issueAll(deps: Pick<IssuerDeps, 'config'>, tx: Queryable, actor: OrganizationActor, organization: IssuingOrganization, event: EventRow, now: Date): Promise<number> {
  const at = now.toISOString();
  const base = JSON.parse(event.activity) as EventActivity;
  const waiting = await tx.all<CheckInRow>(`SELECT ${CHECK_IN_COLUMNS} FROM event_check_ins WHERE event_id = ? AND status = 'waiting' AND expires_at > ? ORDER BY checked_in_at, id`, [event.id, at]);
  const fetchUntil = new Date(now.getTime() + deps.config.checkInTransactionSeconds * 1000).toISOString();
  const people: { checkIn: string; name: string; holder: string; hours: number; credentialId: string }[] = [];
  for (const row of waiting) {
    const activity = activityOf(base, row, now);
    const activityId = randomUUID();
    const credentialId = `urn:uuid:${randomUUID()}`;
    await tx.run(
      `INSERT INTO activities (id, organization_id, volunteer_name, activity, status, idempotency_key, request_hash, offer_hash, offer_sealed, offer_expires_at,
         created_at, updated_at, project, start_date, end_date, volunteer_search)
       VALUES (?, ?, ?, ?, 'claimed', ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?)`,
      [activityId, organization.id, row.name, JSON.stringify(activity), `event:${event.id}:${row.id}`, `event:${row.id}`, hashToken(randomId(24)), at, at, at,
        activity.project ?? null, activity.activityStartDate, activity.activityEndDate, searchable(row.name)],
    );
    const slot = await allocateStatusSlot(tx, organization.id, deps.config.issuerUrl, now);
    await recordCredential(tx, { organization, credentialId, holderDid: row.holder_did, activityId, via: 'event', actor, format: 'jwt_vc_json' }, slot, now);
    await tx.run("UPDATE event_check_ins SET status = 'confirmed', decided_at = ?, activity_id = ?, credential_id = ?, expires_at = ? WHERE id = ?", [at, activityId, credentialId, fetchUntil, row.id]);
    people.push({ checkIn: row.id, name: row.name, holder: row.holder_did, hours: activity.hours, credentialId });
  }
  const until = event.check_in_until < at ? event.check_in_until : at;
  await tx.run("UPDATE events SET status = 'confirmed', confirmed_at = ?, confirmed_by = ?, check_in_until = ? WHERE id = ?", [at, describeActor(actor), until, event.id]);
  await audit(tx, { at: now, actor, action: 'event.confirmed', subject: event.id, detail: { confirmed: people.length, people } });
  return people.length;
}

/** The credential's activity for one check-in: the event's, with the person's hours and role, checked by the credential's rules. */
function activityOf(base: EventActivity, row: CheckInRow, now: Date): Activity {
  if (row.hours === null) throw new PassportError('invalid_request', `Check-in ${row.id} (${row.name || row.holder_did}) has no hours: send hours for everyone or for this check-in`, { field: `checkIns.${row.id}.hours` });
  const activity = { ...base, hours: Number(row.hours), ...(row.role ? { role: row.role } : {}) };
  const problems = activityProblems(activity, 'activity', now);
  if (problems.length) throw new PassportError('invalid_request', `Check-in ${row.id}: ${problems[0]!.field} ${problems[0]!.message}`, { field: problems[0]!.field });
  return activity as Activity;
}
