// The respond page: read a verifier's OpenID4VP request, show who asks, what for and what they
// require, and send only the credentials the volunteer ticks.
'use strict';

(function () {
  const { t, api, el, clear, say, showError, localized, date, category, choice, chosen, busy, listOf } = window.Wallet;
  const REQUEST_SCHEME = 'openid4vp://';
  let openedUri;

  /** A request link in any of the forms a QR code may carry, or undefined. */
  function requestFrom(text) {
    const value = text.trim();
    if (value.startsWith(REQUEST_SCHEME)) return value;
    const nested = window.Scanner.queryParameter(value, 'request');
    if (nested && nested.startsWith(REQUEST_SCHEME)) return nested;
    const query = value.includes('?') ? value.slice(value.indexOf('?') + 1) : '';
    const params = new URLSearchParams(query);
    if (params.has('request_uri') && params.has('client_id')) return REQUEST_SCHEME + '?' + query;
    return undefined;
  }

  function policyText(policy) {
    const parts = [];
    if (policy && policy.minHours) parts.push(t('policyMinHours', { n: policy.minHours }));
    if (policy && Array.isArray(policy.categories) && policy.categories.length) parts.push(t('policyCategories', { list: policy.categories.map(category).join(', ') }));
    if (policy && policy.since) parts.push(t('policySince', { date: date(policy.since) }));
    return parts.length ? parts.join('; ') : t('policyNone');
  }

  function hostOf(request) {
    const target = request.responseUri || request.response_uri;
    try {
      return target ? new URL(target).host : '';
    } catch {
      return '';
    }
  }

  /** What the verifier will learn of the volunteer's identity, with the values, before anything is sent. */
  function showDisclosure(request, who) {
    const panel = document.getElementById('disclosure');
    const disclosure = request.disclosure;
    panel.hidden = !disclosure;
    if (!disclosure) return true;
    const claims = document.getElementById('disclosure-claims');
    clear(claims);
    for (const c of listOf(disclosure.claims, 'claims')) claims.append(el('dt', { text: t('claim.' + c.claim) }), el('dd', { 'data-claim': c.claim, text: c.value }));
    const available = disclosure.credentialId !== null;
    document.getElementById('disclosure-intro').textContent = t('disclosureIntro', { who });
    document.getElementById('disclosure-intro').hidden = !available;
    document.getElementById('disclosure-from').textContent = available ? t('disclosureFrom', { activity: localized(disclosure.activityName) }) : '';
    document.getElementById('disclosure-missing').hidden = available;
    return available;
  }

  function showRequest(request) {
    document.getElementById('request-client').textContent = request.clientName || request.clientId || '';
    document.getElementById('request-purpose').textContent = localized(request.purpose);
    document.getElementById('request-policy').textContent = policyText(request.policy);
    const host = hostOf(request);
    document.getElementById('request-host').textContent = host ? t('answerGoesTo', { host }) : '';
    const matching = listOf(request.matchingCredentials, 'credentials');
    const choices = document.getElementById('answer-credentials');
    clear(choices);
    choices.append(...matching.map((c) => choice(c, c.status === undefined || c.status === 'valid')));
    document.getElementById('no-matching').hidden = matching.length > 0;
    const name = request.clientName || request.clientId || '';
    // Who will see it, with where the answer goes, unless the name already says it.
    const who = host && !name.includes(host) ? name + ' (' + host + ')' : name;
    const identityAvailable = showDisclosure(request, who);
    document.getElementById('send-answer').disabled = matching.length === 0 || !identityAvailable;
    document.getElementById('request').hidden = false;
    document.getElementById('request').scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  async function openRequest(requestUri) {
    const button = document.querySelector('#request-form button');
    busy(button, true);
    document.getElementById('request').hidden = true;
    say('notice', t('openingRequest'), 'muted');
    try {
      const request = await api('POST', '/v1/presentations/requests', { requestUri });
      openedUri = requestUri;
      say('notice', '');
      showRequest(request);
    } catch (err) {
      showError('notice', err);
    } finally {
      busy(button, false);
    }
  }

  async function send(event) {
    event.preventDefault();
    const credentialIds = chosen(document.getElementById('answer-credentials'));
    if (credentialIds.length === 0) {
      say('notice', t('chooseAtLeastOne'), 'bad');
      return;
    }
    const button = document.getElementById('send-answer');
    busy(button, true);
    say('notice', t('sending'), 'muted');
    try {
      await api('POST', '/v1/presentations/respond', { requestUri: openedUri, credentialIds });
      document.getElementById('request').hidden = true;
      say('notice', t('sent'));
    } catch (err) {
      busy(button, false);
      showError('notice', err);
    }
  }

  window.Wallet.start(() => {
    const input = document.getElementById('request-uri');
    document.getElementById('request-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const requestUri = requestFrom(input.value);
      if (!requestUri) {
        say('notice', t('notARequest'), 'bad');
        return;
      }
      openRequest(requestUri);
    });
    document.getElementById('answer-form').addEventListener('submit', send);
    window.Scanner.attach({
      read: requestFrom,
      notRecognized: 'notARequest',
      found(requestUri) {
        input.value = requestUri;
        openRequest(requestUri);
      },
    });
    if (input.value) document.querySelector('#request-form button').focus();
  });
})();
