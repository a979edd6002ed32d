import { randomUUID } from 'node:crypto';
import { accreditedOrganization } from '../credentials/organization.ts';
import { audit } from '../audit/index.ts';
import { describeActor } from '../audit/actor.ts';
import type { OrganizationActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { readEventRequest } from './input.ts';
import { eventView, findEvent, type EventView } from './view.ts';

/** Creates an event of the calling organization, open for check-ins until `checkInUntil`. */
export async function createEvent(deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>, organization: OrganizationActor, body: unknown): Promise<EventView> {
  const now = deps.now();
  const request = readEventRequest(body, now);
  const id = randomUUID();
  return deps.db.transaction(async (tx) => {
    await accreditedOrganization(tx, organization.id);
    await tx.run(
      "INSERT INTO events (id, organization_id, activity, place, check_in_until, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?)",
      [id, organization.id, JSON.stringify(request.activity), request.place ?? null, request.checkInUntil, describeActor(organization), now.toISOString()],
    );
    await audit(tx, { at: now, actor: organization, action: 'event.created', subject: id, detail: { name: request.activity.name, checkInUntil: request.checkInUntil } });
    return eventView(tx, deps.config, await findEvent(tx, organization.id, id), now);
  });
}

/** Stops check-ins now (the deadline moves to now); an event already past it is answered as it is. */
export async function closeEvent(deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>, organization: OrganizationActor, eventId: string): Promise<EventView> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await findEvent(tx, organization.id, eventId);
    if (row.status === 'open' && row.check_in_until > now.toISOString()) {
      await tx.run('UPDATE events SET check_in_until = ? WHERE id = ?', [now.toISOString(), eventId]);
      await audit(tx, { at: now, actor: organization, action: 'event.closed', subject: eventId });
    }
    return eventView(tx, deps.config, await findEvent(tx, organization.id, eventId), now);
  });
}
