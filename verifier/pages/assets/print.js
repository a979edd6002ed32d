// The result's print button: the print stylesheet (shared/pages/style.ts) leaves out the page's
// controls. One listener on the document, so a result put in place later (a request's answer)
// prints too.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var target = event.target;
    if (target && target.closest && target.closest('[data-print]')) window.print();
  });
})();
