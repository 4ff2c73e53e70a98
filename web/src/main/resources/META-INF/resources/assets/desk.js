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
// The pay form: only the fields the chosen payment mode needs (all of them show without JavaScript).
(function () {
  'use strict';
  var pay = document.querySelector('form.pay');
  if (!pay) { return; }
  var show = function () {
    var chosen = pay.querySelector('input[name=mode]:checked');
    var kind = chosen ? chosen.getAttribute('data-kind') : '';
    pay.querySelectorAll('.mode-fields').forEach(function (f) { f.hidden = f.getAttribute('data-kind') !== kind; });
  };
  pay.querySelectorAll('input[name=mode]').forEach(function (r) { r.addEventListener('change', show); });
  show();
})();
