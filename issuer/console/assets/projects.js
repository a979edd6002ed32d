// The organization's projects (added and removed by its admins) and its offer e-mail language.
'use strict';

(function () {
  const { api, el, clear, say, showError, onSubmit, confirmStep, t, page } = window.Console;
  const { projects } = window.Coordinator;
  const list = document.getElementById('projects');
  const message = document.querySelector('.list-message');

  function row(project) {
    const actions = el('div', { class: 'row-actions' });
    if (page.admin) {
      const remove = el('button', { type: 'button', class: 'link danger' }, t('coord.removeProject'));
      remove.addEventListener('click', () =>
        confirmStep(actions, t('coord.removeProjectConfirm', { name: project.name }), t('coord.removeProject'), async () => {
          try {
            await api('DELETE', '/v1/projects/' + encodeURIComponent(project.id));
            say(message, t('coord.projectRemoved', { name: project.name }), 'ok');
            await load();
          } catch (err) {
            showError(message, err);
          }
        }),
      );
      actions.append(remove);
    }
    return el('li', { class: 'row', 'data-project': project.name }, el('div', { class: 'row-main' }, el('strong', {}, project.name)), actions);
  }

  async function load() {
    try {
      const found = await projects();
      clear(list);
      if (found.length === 0) list.append(el('li', { class: 'muted' }, t('coord.noProjects')));
      list.append(...found.map(row));
    } catch (err) {
      clear(list);
      showError(message, err);
    }
  }

  const form = document.getElementById('project-form');
  if (form) {
    onSubmit(form, async (values) => {
      const added = await api('POST', '/v1/projects', { name: values.name || '' });
      form.elements.name.value = '';
      say(message, t('coord.projectAdded', { name: added.name }), 'ok');
      await load();
    });
  }

  const mailForm = document.getElementById('mail-form');
  const select = document.getElementById('mail-language');
  async function loadSettings() {
    try {
      const s = await api('GET', '/v1/organization/settings');
      document.getElementById('mail-language-default').textContent = t('coord.mailDeployment', { language: page.languages[s.defaultMailLanguage] });
      select.value = s.mailLanguage || '';
    } catch (err) {
      showError(mailForm.querySelector('.form-message'), err);
    }
  }
  if (page.admin) {
    onSubmit(mailForm, async () => {
      await api('PUT', '/v1/organization/settings', { mailLanguage: select.value || null });
      say(mailForm.querySelector('.form-message'), t('coord.saved'), 'ok');
    });
  }

  load();
  loadSettings();
})();
