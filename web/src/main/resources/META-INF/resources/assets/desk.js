// Light progressive enhancement: every page works without it.
(function () {
  'use strict';
  // The receipt's print button (hidden without JavaScript, where the browser's own Print does the same).
  document.querySelectorAll('button.print').forEach(function (b) {
    b.hidden = false;
    b.addEventListener('click', function () { window.print(); });
  });
  // A confirm button sends its form once: a double click does not send it twice (the service would take the
  // money once anyway, by the form's idempotency key).
  document.querySelectorAll('button[data-once]').forEach(function (b) {
    b.form.addEventListener('submit', function () { setTimeout(function () { b.disabled = true; }, 0); });
  });
  // The pay form: the change to give as the agent types what was tendered.
  var pay = document.querySelector('form.pay');
  if (pay) {
    var out = document.getElementById('change-live');
    var tendered = document.getElementById('tendered');
    var toNumber = function (s) { s = (s || '').replace(/\s|\u00a0/g, '').replace(',', '.'); return /^\d+(\.\d+)?$/.test(s) ? parseFloat(s) : NaN; };
    tendered.addEventListener('input', function () {
      var what = pay.querySelector('input[name=what]:checked');
      var due = what ? parseFloat(what.getAttribute('data-amount') || 'NaN') : NaN;
      var t = toNumber(tendered.value);
      out.textContent = isNaN(due) || isNaN(t) ? '' : (t >= due ? pay.getAttribute('data-change-text') + ' ' + (t - due).toFixed(2) : '');
    });
  }
})();
