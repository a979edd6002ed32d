// A request page waits for the volunteer's answer. The request's id is in its QR for anyone to
// see, so the answer is read with the request's read token, which only this page holds: it
// arrives in the URL fragment (never sent to a server or logged), moves to sessionStorage and
// leaves the address bar. The script polls the status with it and, once the answer is in, puts
// the server-rendered answer in place of the QR.
(function () {
  'use strict';
  var section = document.getElementById('request');
  var locked = document.getElementById('request-locked');
  var id = section.getAttribute('data-request');
  var key = 'verifier-request-read:' + id;
  var lang = document.documentElement.lang || 'en';

  var fromFragment = /(?:^#|&)read=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (fromFragment) {
    window.sessionStorage.setItem(key, fromFragment[1]);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  var token = window.sessionStorage.getItem(key);

  function headers(accept) {
    return { accept: accept, authorization: 'Bearer ' + token };
  }

  function showLocked() {
    if (section.getAttribute('data-status') !== 'expired') locked.hidden = false;
  }

  function showAnswer(status) {
    fetch('/requests/' + encodeURIComponent(id) + '/answer?lang=' + encodeURIComponent(lang), { headers: headers('text/html'), cache: 'no-store' })
      .then(function (res) { return res.ok ? res.text() : Promise.reject(res.status); })
      .then(function (markup) {
        section.innerHTML = markup;
        section.setAttribute('data-status', status);
        // Once the answer is in, the page is no longer waiting: its title says what it shows.
        var title = document.getElementById('request-title');
        if (status !== 'expired' && title) {
          title.textContent = title.getAttribute('data-answered');
          document.title = title.textContent;
        }
      })
      .catch(function () { window.setTimeout(function () { showAnswer(status); }, 3000); });
  }

  function poll() {
    fetch('/v1/requests/' + encodeURIComponent(id), { headers: headers('application/json'), cache: 'no-store' })
      .then(function (res) {
        if (res.status === 401 || res.status === 404) return 'locked';
        return res.ok ? res.json() : null;
      })
      .then(function (body) {
        if (body === 'locked') showLocked();
        else if (body && body.status !== 'pending') showAnswer(body.status);
        else window.setTimeout(poll, 1500);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }

  // The request link's copy button: the clipboard when the page may use it, else the link selected for a manual copy.
  document.addEventListener('click', function (event) {
    var button = event.target && event.target.closest && event.target.closest('[data-copy]');
    if (!button) return;
    var field = document.getElementById(button.getAttribute('data-copy'));
    var label = button.textContent;
    var done = function () {
      button.textContent = button.getAttribute('data-copied');
      window.setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(field.value).then(done, function () { field.select(); });
    else { field.select(); done(); }
  });

  if (token) poll();
  else showLocked();
})();
