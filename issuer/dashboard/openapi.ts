export const dashboardOpenApiPaths: Record<string, unknown> = {
  '/dashboard': {
    get: {
      summary: 'The accounting of volunteer work as charts and tables, for the national registry and front offices',
      description:
        'A page (kk, ru or en by ?lang=, the lang cookie or Accept-Language). People signed in to the console (registry, front offices) see it at once ' +
        'through their session cookie; otherwise the reader signs in on the page with the registry token or a front-office API key, kept in ' +
        'sessionStorage and sent as a Bearer header to GET /v1/stats. Each table downloads as CSV (UTF-8 with BOM).',
      tags: ['accounting'],
      parameters: [{ name: 'lang', in: 'query', schema: { enum: ['kk', 'ru', 'en'] } }],
      responses: { '200': { description: 'The page', content: { 'text/html': { schema: { type: 'string' } } } } },
    },
  },
};
