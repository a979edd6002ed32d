// A request page waits for the volunteer's answer: it polls the request's status on this origin
// and reloads once the answer is in (or the request expired), so the server renders the result.
(function () {
  'use strict';
  var section = document.getElementById('request');
  var id = section.getAttribute('data-request');

  function poll() {
    fetch('/v1/requests/' + encodeURIComponent(id), { headers: { accept: 'application/json' }, cache: 'no-store' })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (body) {
        if (body && body.status !== 'pending') window.location.reload();
        else window.setTimeout(poll, 1500);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }

  window.setTimeout(poll, 1500);
})();
