// The console's frame: the bell and the sidebar's badges say what waits for the person now.
// Counts come live over /console/pending/events (within the person's data scope), with a toast for
// each notice addressed to the person; while that stream is down, from /console/pending when the
// page opens, every minute, and when the person comes back to the tab.
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
    // the home page's tiles say the same, in the words the server writes them
    const tiles = {};
    summary.items.forEach(function (i) { (tiles[i.menuKey] = tiles[i.menuKey] || []).push(i); });
    Object.keys(tiles).forEach(function (key) {
      const count = document.querySelector('#tile-' + key + ' .count');
      if (!count) return;
      const items = tiles[key];
      count.textContent = items.length === 1 ? items[0].count + ' 件'
        : items.map(function (i) { return i.label + ' ' + i.count; }).join(' · ');
    });
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
  let live = false;

  function toasts() {
    let region = document.getElementById('toasts');
    if (!region) {
      region = document.createElement('div');
      region.id = 'toasts';
      region.className = 'toasts';
      region.setAttribute('aria-live', 'polite');
      document.body.append(region);
    }
    return region;
  }

  function toast(notice) {
    const item = document.createElement('div');
    item.className = 'toast';
    const link = document.createElement(notice.link ? 'a' : 'div');
    if (notice.link) link.href = notice.link;
    const title = document.createElement('strong');
    title.textContent = notice.title;
    const body = document.createElement('span');
    body.textContent = notice.body;
    link.append(title, body);
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'toast-close';
    close.setAttribute('aria-label', '关闭');
    close.textContent = '×';
    close.addEventListener('click', function () { item.remove(); });
    item.append(link, close);
    toasts().append(item);
    setTimeout(function () { item.remove(); }, 15000);
  }

  const streamUrl = bell.dataset.streamUrl;
  if (streamUrl && window.EventSource) {
    const stream = new EventSource(streamUrl);
    stream.addEventListener('open', function () { live = true; });
    stream.addEventListener('error', function () { live = false; });
    stream.addEventListener('pending', function (e) { live = true; render(JSON.parse(e.data)); });
    stream.addEventListener('notice', function (e) { toast(JSON.parse(e.data)); });
    window.addEventListener('pagehide', function () { stream.close(); });
  }
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && !live) refresh();
  });
  if (!live) refresh();
  setInterval(function () { if (!live) refresh(); }, 60000);
})();
