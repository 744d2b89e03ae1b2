// The console's frame: the bell and the sidebar's badges say what waits for the person now.
// Counts come from /console/pending (within the person's data scope) when the page opens, every
// minute while it stays open, and when the person comes back to the tab.
(function () {
  'use strict';
  const bell = document.getElementById('bell');
  if (!bell) return;
  const url = bell.dataset.pendingUrl;
  const button = bell.querySelector('.bell-button');
  const panel = document.getElementById('bell-panel');
  const list = document.getElementById('bell-items');
  const empty = document.getElementById('bell-empty');
  const total = document.getElementById('bell-count');

  function show(badge, n) {
    badge.textContent = n > 99 ? '99+' : String(n);
    badge.hidden = !(n > 0);
  }

  function render(summary) {
    show(total, summary.total);
    document.querySelectorAll('#menu .badge[data-pending]').forEach(function (b) {
      show(b, summary.badges[b.dataset.pending] || 0);
    });
    list.replaceChildren();
    summary.items.filter(function (i) { return i.count > 0; }).forEach(function (i) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = i.href;
      a.dataset.pendingItem = i.key;
      const label = document.createElement('span');
      label.textContent = i.label;
      const count = document.createElement('strong');
      count.textContent = i.count + ' 件';
      if (i.key === 'overdue') count.className = 'alarm';
      a.append(label, count);
      li.append(a);
      list.append(li);
    });
    empty.hidden = list.children.length > 0;
  }

  function refresh() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) { if (s) render(s); })
      .catch(function () { /* the counts come back with the next refresh */ });
  }

  function open(yes) {
    panel.hidden = !yes;
    button.setAttribute('aria-expanded', String(yes));
  }

  button.addEventListener('click', function (e) {
    e.stopPropagation();
    open(panel.hidden);
  });
  document.addEventListener('click', function (e) {
    if (!bell.contains(e.target)) open(false);
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') open(false);
  });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') refresh();
  });
  refresh();
  setInterval(refresh, 60000);
})();
