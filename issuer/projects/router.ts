import { Router } from 'express';
import { z } from 'zod';
import { PassportError } from '../../shared/errors.ts';
import { organizationOf, requireActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { addProject, listProjects, removeProject } from './projects.ts';

const ProjectBody = z.object({ name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters') }).strict();

/** `GET/POST /v1/projects`, `DELETE /v1/projects/{id}`: the organization's list of projects. */
export function createProjectsRouter(deps: IssuerDeps): Router {
  const router = Router();
  router.use('/v1/projects', requireActor('organization'));
  router.get('/v1/projects', async (_req, res) => {
    res.json({ projects: await listProjects(deps, organizationOf(res).id) });
  });
  router.post('/v1/projects', async (req, res) => {
    const body = ProjectBody.safeParse(req.body ?? {});
    if (!body.success) {
      const issue = body.error.issues[0]!;
      throw new PassportError('invalid_request', `name ${issue.code === 'invalid_type' ? 'is required (a string)' : issue.message}`, { field: 'name' });
    }
    const { project, created } = await addProject(deps, organizationOf(res).id, body.data.name);
    res.status(created ? 201 : 200).json(project);
  });
  router.delete('/v1/projects/:id', async (req, res) => {
    await removeProject(deps, organizationOf(res).id, String(req.params.id));
    res.status(204).end();
  });
  return router;
}
