import { problemResponses } from '../../shared/http/openapi.ts';
import { bearer, jsonResponse } from '../registry/openapi-schemas.ts';

export const journalOpenApiPaths: Record<string, unknown> = {
  '/v1/audit': {
    get: {
      summary: 'The audit trail, newest first, 50 a page: the registry’s admins see all of it, a front office’s admins their region, an organization’s admins their organization',
      tags: ['audit'],
      security: bearer,
      parameters: [{ name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'nextCursor of the previous page' }],
      responses: {
        '200': jsonResponse('A page of entries', {
          type: 'object',
          required: ['entries'],
          properties: {
            entries: {
              type: 'array',
              items: {
                type: 'object',
                required: ['seq', 'at', 'actor', 'action', 'subject'],
                properties: {
                  seq: { type: 'integer' },
                  at: { type: 'string', format: 'date-time' },
                  actor: { type: 'string', description: 'staff:<id> (a person), key:<id> (an API key), registry (the admin token), holder:<did> (a wallet)' },
                  actorName: { type: 'string', description: 'The person’s name' },
                  action: { type: 'string', examples: ['organization.suspended', 'staff.invited', 'api_key.created'] },
                  subject: { type: 'string' },
                  subjectName: { description: 'The name of the person, organization or front office the entry is about' },
                  unit: { type: ['string', 'null'], description: 'The unit the entry concerns' },
                  detail: { type: 'object' },
                },
              },
            },
            nextCursor: { type: 'string' },
          },
        }),
        ...problemResponses(400, 401, 403),
      },
    },
  },
};
