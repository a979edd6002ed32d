/**
 * The JSON API client every service's pages share, served at `/assets/passport-api.js` beside the
 * stylesheet: same-origin calls with the session cookie, every write with a JSON body (`{}` when
 * there is nothing to say, even for a DELETE), since cookie-signed writes are taken only as
 * application/json, which another site's form cannot send. A refusal becomes a `ProblemError`
 * carrying its problem details, for the page to word in its reader's language.
 */
export const PASSPORT_API_JS = `'use strict';
(function () {
  /** An API answer that was not 2xx: the problem details body, when there is one. */
  class ProblemError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || 'HTTP ' + status);
      this.status = status;
      this.problem = problem || {};
      this.code = this.problem.code || (status === 401 ? 'unauthorized' : 'http_' + status);
    }
  }

  /** A client whose network failure carries \`networkDetail\` (the page's own words for it). */
  function client(networkDetail) {
    return async function api(method, path, body) {
      const init = { method, credentials: 'same-origin', headers: { accept: 'application/json, application/problem+json' } };
      if (method !== 'GET' && method !== 'HEAD') {
        init.headers['content-type'] = 'application/json';
        init.body = JSON.stringify(body === undefined ? {} : body);
      }
      let res;
      try {
        res = await fetch(path, init);
      } catch {
        throw new ProblemError(0, networkDetail ? { code: 'network', detail: networkDetail } : { code: 'network' });
      }
      const type = res.headers.get('content-type') || '';
      const data = type.includes('json') ? await res.json().catch(() => null) : null;
      if (!res.ok) throw new ProblemError(res.status, data);
      return data;
    };
  }

  window.PassportApi = { ProblemError, client };
})();
`;
