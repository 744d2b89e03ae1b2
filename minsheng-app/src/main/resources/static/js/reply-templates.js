// The reply box's templates (话术模板 of the knowledge base): the chosen one, with the order's facts
// put in by the server, is added after what was already typed, never over it.
const select = document.getElementById('reply-template');
if (select) {
  select.addEventListener('change', function () {
    if (!select.value) return;
    fetch(select.dataset.url + select.value, { credentials: 'same-origin', headers: { Accept: 'text/plain' } })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(new Error(String(r.status))); })
      .then(function (text) {
        const box = document.getElementById(select.dataset.target);
        box.value = box.value.trim() ? box.value.replace(/\s+$/, '') + '\n\n' + text : text;
        box.dispatchEvent(new Event('input', { bubbles: true }));
        box.focus();
      })
      .catch(function () { /* the box keeps what was typed */ });
  });
}
