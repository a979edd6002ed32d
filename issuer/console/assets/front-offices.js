// The registry's front offices: one per region, each opened with a form whose API key shows once.
'use strict';

(function () {
  const { api, el, clear, showError, onSubmit, secret, t, localized, regionName } = window.Console;
  const list = document.getElementById('front-offices');
  const form = document.getElementById('front-office-form');

  async function load() {
    try {
      const { frontOffices } = await api('GET', '/v1/front-offices');
      clear(list);
      list.append(
        ...frontOffices.map((office) =>
          el(
            'li',
            { class: 'row', 'data-front-office': office.id },
            el('div', { class: 'row-main' }, el('a', { href: '/front-offices/' + encodeURIComponent(office.id) }, localized(office.name) || office.id), el('span', { class: 'muted' }, regionName(office.region) + ' · ' + office.id)),
          ),
        ),
      );
      const taken = new Set(frontOffices.map((office) => office.region));
      const select = form && form.elements.region;
      let free = 0;
      if (select) {
        for (const option of select.options) {
          option.disabled = taken.has(option.value);
          if (!option.disabled) free += 1;
        }
        if (select.selectedOptions[0] && select.selectedOptions[0].disabled) {
          const first = [...select.options].find((option) => !option.disabled);
          if (first) select.value = first.value;
        }
        form.hidden = free === 0;
      }
      document.getElementById('regions-without').textContent = t('regionsWithout', { n: 20 - taken.size });
    } catch (err) {
      showError(list, err);
    }
  }

  if (form) {
    const result = document.getElementById('front-office-result');
    onSubmit(form, async (values) => {
      clear(result);
      const created = await api('POST', '/v1/front-offices', values);
      result.append(secret(t('frontOfficeCreated'), created.apiKey), el('p', {}, el('a', { class: 'button', href: '/front-offices/' + encodeURIComponent(created.id) }, t('open'))));
      for (const name of ['id', 'name.kk', 'name.ru', 'name.en']) form.elements.namedItem(name).value = '';
      await load();
    });
  }

  load();
})();
