// One activity of one volunteer: POST /v1/activities, then the card to print and the link a
// phone camera opens. The activity stays filled in, so the next volunteer of the same work takes
// only a name.
'use strict';

(function () {
  const { api, el, clear, say, showError, onSubmit, t, page, copyBox } = window.Console;
  const { parseHours, projects, settings, documentUrl } = window.Coordinator;
  const form = document.getElementById('record-form');
  const done = document.getElementById('recorded');

  async function fillProjects() {
    try {
      const list = await projects();
      const select = document.getElementById('rec-project');
      select.append(...list.map((p) => el('option', { value: p.name }, p.name)));
      document.getElementById('rec-projects-empty').hidden = list.length > 0;
    } catch (err) {
      showError(form.querySelector('.form-message'), err);
    }
  }

  async function fillDefaultLanguage() {
    try {
      const s = await settings();
      const language = page.languages[s.mailLanguage || s.defaultMailLanguage];
      document.getElementById('rec-language-default').textContent = t('coord.mailLanguageDefault', { language });
    } catch (err) {
      showError(form.querySelector('.form-message'), err);
    }
  }

  function showRecorded(name, recorded) {
    clear(done);
    const again = el('button', { type: 'button', class: 'secondary', id: 'record-another' }, t('coord.recordAnother'));
    again.addEventListener('click', () => {
      done.hidden = true;
      form.hidden = false;
      document.getElementById('rec-name').focus();
    });
    done.append(
      el('p', { class: 'message ok', role: 'status' }, t('coord.recordedDone', { name })),
      el('p', {}, el('a', { class: 'button', id: 'recorded-card', href: documentUrl('/v1/activities/cards.pdf', { ids: recorded.id }), target: '_blank', rel: 'noopener' }, t('coord.printCard'))),
      recorded.claimUrl ? copyBox(t('coord.claimLink'), recorded.claimUrl, { id: 'recorded-link' }) : '',
      el('p', {}, el('a', { href: '/activities' }, t('nav.activities'))),
      again,
    );
    done.hidden = false;
    form.hidden = true;
  }

  onSubmit(
    form,
    async (values) => {
      const body = { volunteer: values.volunteer || {}, activity: values.activity || {} };
      if (body.activity.hours !== undefined) body.activity.hours = parseHours(body.activity.hours);
      const recorded = await api('POST', '/v1/activities', body);
      showRecorded(body.volunteer.name, recorded);
      // The next volunteer of the same work: only who they are is cleared.
      for (const id of ['rec-name', 'rec-email']) document.getElementById(id).value = '';
      document.getElementById('rec-language').value = '';
      say(form.querySelector('.form-message'), '');
    },
    { context: 'record' },
  );

  fillProjects();
  fillDefaultLanguage();
})();
