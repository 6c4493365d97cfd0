// While a verification runs, fetch the page (the same address) again every two seconds and put its new status in
// place, so the progress moves and the report appears without a reload. Only an enhancement:
// without script, the page's own "Refresh" link does the same.
(function () {
  'use strict';
  var status = document.getElementById('verify-status');
  if (!status || !window.fetch || !window.DOMParser) {
    return;
  }

  function running() {
    return status.getAttribute('data-running') === 'true';
  }

  function poll() {
    if (!running()) {
      return;
    }

    window.setTimeout(function () {
      window.fetch(window.location.pathname + window.location.search, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          var next = html && new window.DOMParser().parseFromString(html, 'text/html').getElementById('verify-status');
          if (next) {
            status.innerHTML = next.innerHTML;
            status.setAttribute('data-running', next.getAttribute('data-running') || 'false');
          }

          poll();
        })
        .catch(function () { window.setTimeout(poll, 5000); });
    }, 2000);
  }

  poll();
}());
