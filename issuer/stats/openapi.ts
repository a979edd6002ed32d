import { problemResponses } from '../../shared/http/openapi.ts';
import { CATEGORIES } from '../../shared/credential/index.ts';
import { bearer, jsonResponse, regionSchema, someNameSchema } from '../registry/openapi-schemas.ts';
import { ATTRIBUTIONS } from './filters.ts';

const day = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const count = { type: 'integer', minimum: 0 };
const attribution = {
  enum: [...ATTRIBUTIONS],
  default: 'activity',
  description:
    'Which region work counts in, for the region filter, a front office\'s scope and the byRegion rows: where the activity took place ' +
    '(activity: the credential\'s region), or where the organization that recorded it is accredited (organization), so a front office ' +
    'also sees the work its own organizations did in other regions',
};

const measures = {
  volunteers: {
    oneOf: [count, { const: '<5' }],
    description: 'Distinct holder DIDs of claimed, non-revoked credentials. A cell of 1 to 4 volunteers is published as "<5"; its other measures are shown.',
  },
  organizations: { ...count, description: 'Distinct organizations that recorded activities in the cell' },
  activities: { ...count, description: 'Activities recorded (withdrawn offers excluded)' },
  credentialsClaimed: { ...count, description: 'Credentials issued for those activities, revoked ones included' },
  credentialsRevoked: count,
  hours: { type: 'number', minimum: 0, description: 'Hours of claimed, non-revoked credentials, rounded to 0.01' },
};
const measureNames = Object.keys(measures);

function rows(key: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'array',
    items: { type: 'object', required: [...Object.keys(key), ...measureNames], properties: { ...key, ...measures } },
  };
}

const statsSchema = {
  type: 'object',
  required: ['scope', 'smallCellThreshold', 'countedAt', 'filters', 'totals', 'byCategory', 'byRegion', 'byProject', 'byOrganization', 'byMonth'],
  properties: {
    scope: {
      type: 'object',
      required: ['kind'],
      properties: { kind: { enum: ['registry', 'front_office'] }, region: regionSchema },
      description: 'Who asked: a front office sees its own region only',
    },
    smallCellThreshold: { const: 5 },
    countedAt: {
      type: 'string',
      format: 'date-time',
      description: 'When the figures were counted: a count that took over half a second is reused for the same filters for up to a minute',
    },
    filters: {
      type: 'object',
      required: ['region', 'from', 'to', 'by'],
      properties: {
        region: { oneOf: [regionSchema, { type: 'null' }] },
        from: { oneOf: [day, { type: 'null' }] },
        to: { oneOf: [day, { type: 'null' }] },
        by: attribution,
      },
    },
    totals: { type: 'object', required: measureNames, properties: measures },
    byCategory: rows({ category: { enum: [...CATEGORIES] } }),
    byRegion: rows({ region: { ...regionSchema, description: 'Where the work took place (by=activity) or where its organization is accredited (by=organization)' } }),
    byProject: rows({ project: { type: ['string', 'null'], description: 'null for activities recorded without a project' } }),
    byOrganization: rows({ organization: { type: 'string' }, name: someNameSchema, organizationRegion: regionSchema }),
    byMonth: rows({ month: { type: 'string', pattern: '^\\d{4}-\\d{2}$', description: 'The month in which the activities ended' } }),
  },
};

export const statsOpenApiPaths: Record<string, unknown> = {
  '/v1/stats': {
    get: {
      summary: 'The accounting of volunteer work: totals and breakdowns by category, region, project, organization and month',
      description:
        'The national registry sees everything; a front office its own region only (another region → 403), under either attribution (by). ' +
        'Organizations → 403, anonymous → 401. ' +
        'Activities are filtered and placed in months by the day they ended (activityEndDate).',
      tags: ['accounting'],
      security: bearer,
      parameters: [
        { name: 'region', in: 'query', schema: regionSchema, description: 'The region counted in, as `by` attributes work: where the activity took place, or where its organization is accredited' },
        { name: 'from', in: 'query', schema: day, description: 'Activities that ended on or after this day' },
        { name: 'to', in: 'query', schema: day, description: 'Activities that ended on or before this day' },
        { name: 'by', in: 'query', schema: attribution, description: 'activity (default) or organization: which region work counts in' },
      ],
      responses: { '200': jsonResponse('The figures', statsSchema), ...problemResponses(400, 401, 403) },
    },
  },
};
