/**
 * The JSON API client every service's pages share, served at `/assets/passport-api.js` beside the
 * stylesheet: same-origin calls with the session cookie, every write with a JSON body (`{}` when
 * there is nothing to say, even for a DELETE), since cookie-signed writes are taken only as
 * application/json, which another site's form cannot send. A refusal becomes a `ProblemError`
 * carrying its problem details, for the page to word in its reader's language. The two DOM
 * helpers every page script builds with (`el`, `clear`) are here too.
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

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  /** Builds an element; children are strings (as text, never markup) or nodes, nested arrays flattened. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  window.PassportApi = { ProblemError, client, el, clear };
})();
`;
