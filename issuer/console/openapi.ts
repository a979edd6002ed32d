const page = (summary: string, description?: string) => ({
  get: {
    summary,
    ...(description ? { description } : {}),
    tags: ['console'],
    parameters: [{ name: 'lang', in: 'query', schema: { enum: ['kk', 'ru', 'en'] } }],
    responses: { '200': { description: 'The page', content: { 'text/html': { schema: { type: 'string' } } } } },
  },
});

/**
 * The console's pages. Each answers the sign-in form in place when nobody is signed in (the
 * `passport_staff` cookie), and a short refusal page (403/404) for a unit the person may not see.
 */
export const consoleOpenApiPaths: Record<string, unknown> = {
  '/': page('The console: the sign-in form, or a redirect (303) to the signed-in person’s home', 'docs/console.md is the guide.'),
  '/invitation': page('Accepting an invitation: the token is the fragment (#…), read by the page’s script'),
  '/front-offices': page('The registry’s front offices, and the form that opens one'),
  '/front-offices/{id}': page('One front office and its people (registry)'),
  '/organizations': page('Organizations, searched and filtered (registry; a front office sees its region)'),
  '/organizations/new': page('The accreditation form'),
  '/organizations/{id}': page('An organization: profile, DID, history, suspension and reinstatement, people'),
  '/organizations/{id}/keys': page('An organization’s API keys (its admins, and admins above it)'),
  '/people': page('The people of the signed-in person’s unit'),
  '/audit': page('The journal of the unit and the units below it (admins)'),
  '/account': page('The signed-in person: password change'),
  '/activities': page('The organization’s activities: filters, counts, exports, cards, e-mail, withdraw, revoke (people of an organization)'),
  '/activities/new': page('Record one activity (an organization’s members and admins)'),
  '/activities/upload': page('Upload a spreadsheet: templates, the preview, then record (an organization’s members and admins)'),
  '/projects': page('The organization’s projects and offer e-mail language (its admins change them)'),
};
