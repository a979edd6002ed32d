import { randomUUID } from 'node:crypto';
import { PassportError } from '../../shared/errors.ts';
import type { IssuerDeps } from '../deps.ts';

export interface Project {
  id: string;
  name: string;
  createdAt: string;
}

/** The organization's projects, by name: what the activity form offers to pick from. */
export async function listProjects(deps: Pick<IssuerDeps, 'db'>, organizationId: string): Promise<Project[]> {
  const rows = await deps.db.all<{ id: string; name: string; created_at: string }>(
    'SELECT id, name, created_at FROM organization_projects WHERE organization_id = ? ORDER BY name',
    [organizationId],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
}

/** Adds a project; a name the organization already has answers that project (no duplicates). */
export async function addProject(deps: Pick<IssuerDeps, 'db' | 'now'>, organizationId: string, name: string): Promise<{ project: Project; created: boolean }> {
  return deps.db.transaction(async (tx) => {
    const at = deps.now().toISOString();
    const id = randomUUID();
    const inserted = await tx.run(
      'INSERT INTO organization_projects (id, organization_id, name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (organization_id, name) DO NOTHING',
      [id, organizationId, name, at],
    );
    const row = await tx.get<{ id: string; name: string; created_at: string }>('SELECT id, name, created_at FROM organization_projects WHERE organization_id = ? AND name = ?', [organizationId, name]);
    return { project: { id: row!.id, name: row!.name, createdAt: row!.created_at }, created: inserted.changes === 1 };
  });
}

/** Removes a project from the picker; activities recorded under its name keep it. */
export async function removeProject(deps: Pick<IssuerDeps, 'db'>, organizationId: string, id: string): Promise<void> {
  const removed = await deps.db.run('DELETE FROM organization_projects WHERE id = ? AND organization_id = ?', [id, organizationId]);
  if (removed.changes === 0) throw new PassportError('not_found', `No project ${id} of this organization`);
}
