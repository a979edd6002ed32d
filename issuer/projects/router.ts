import { Router } from 'express';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { organizationOf, requireActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { requireOrganizationAdmin } from './authority.ts';
import { addProject, listProjects, removeProject } from './projects.ts';
import { changeSettings, readSettings } from './settings.ts';

const ProjectBody = z.object({ name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters') }).strict();
const SettingsBody = z
  .object({ mailLanguage: z.enum(LANGUAGES as [Language, ...Language[]], { message: 'must be one of kk, ru, en, or null' }).nullable() })
  .strict();

function parse<S extends z.ZodType>(schema: S, body: unknown, fallbackField: string): z.infer<S> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys[0]! : fallbackField);
  const why = issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.code === 'invalid_type' ? `is required (${issue.message})` : issue.message;
  throw new PassportError('invalid_request', `${field} ${why}`, { field });
}

/**
 * The organization's own list of projects (`GET/POST /v1/projects`, `DELETE /v1/projects/{id}`)
 * and its settings (`GET/PUT /v1/organization/settings`). Everyone of the organization reads
 * them; its admins (and its API keys) change them.
 */
export function createProjectsRouter(deps: IssuerDeps): Router {
  const router = Router();
  router.use(['/v1/projects', '/v1/organization/settings'], requireActor('organization'));
  router.get('/v1/projects', async (_req, res) => {
    res.json({ projects: await listProjects(deps, organizationOf(res).id) });
  });
  router.post('/v1/projects', async (req, res) => {
    const organization = organizationOf(res);
    requireOrganizationAdmin(organization);
    const { name } = parse(ProjectBody, req.body, 'name');
    const { project, created } = await addProject(deps, organization.id, name);
    res.status(created ? 201 : 200).json(project);
  });
  router.delete('/v1/projects/:id', async (req, res) => {
    const organization = organizationOf(res);
    requireOrganizationAdmin(organization);
    await removeProject(deps, organization.id, String(req.params.id));
    res.status(204).end();
  });

  router.get('/v1/organization/settings', async (_req, res) => {
    res.set('cache-control', 'private, no-store').json(await readSettings(deps, organizationOf(res).id));
  });
  router.put('/v1/organization/settings', async (req, res) => {
    const organization = organizationOf(res);
    requireOrganizationAdmin(organization);
    res.json(await changeSettings(deps, organization, parse(SettingsBody, req.body, 'mailLanguage')));
  });
  return router;
}
