// Organizations, searched and filtered through GET /v1/organizations, a page at a time.
'use strict';

(function () {
  const { api, el, clear, say, showError, t, localized, regionName, date, badge, values } = window.Console;
  const form = document.getElementById('filters');
  const list = document.getElementById('organizations');
  const more = document.getElementById('more');
  const message = document.querySelector('.list-message');
  let query = '';
  let cursor;

  function since(org) {
    const last = org.accreditations[org.accreditations.length - 1];
    if (!last) return '';
    return org.status === 'accredited' ? t('accreditedSince', { date: date(last.from) }) : t('suspendedSince', { date: date(last.until) });
  }

  function row(org) {
    return el(
      'li',
      { class: 'row organization status-' + org.status, 'data-organization': org.id },
      el(
        'div',
        { class: 'row-main' },
        el('a', { href: '/organizations/' + encodeURIComponent(org.id) }, localized(org.name) || org.id),
        el('span', { class: 'muted' }, [org.id, regionName(org.region), since(org)].filter(Boolean).join(' · ')),
      ),
      badge(org.status),
    );
  }

  async function load(reset) {
    if (reset) {
      cursor = undefined;
      clear(list);
      say(message, '');
    }
    try {
      const page = await api('GET', '/v1/organizations?' + query + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
      list.append(...page.organizations.map(row));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      if (list.children.length === 0) say(message, t('noOrganizations'), 'muted');
    } catch (err) {
      showError(message, err);
    }
  }

  function apply() {
    const params = new URLSearchParams(values(form));
    params.set('limit', '50');
    query = params.toString();
    params.delete('limit');
    if (form.querySelector('select[name="region"]') === null) params.delete('region');
    history.replaceState(null, '', location.pathname + (params.toString() ? '?' + params : ''));
    return load(true);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  for (const select of form.querySelectorAll('select')) select.addEventListener('change', apply);
  more.addEventListener('click', () => load(false));
  apply();
})();
