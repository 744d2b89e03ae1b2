// Registration form: the deepest chosen division becomes the order's division code; a refilled
// picker clears the ones below it.
document.addEventListener('DOMContentLoaded', () => {
  const pickers = ['division-province', 'division-city', 'division-district', 'division-street'];
  const code = document.getElementById('order-division');
  if (!code) { return; }
  const update = () => {
    const chosen = pickers.slice().reverse().map(id => document.getElementById(id).value).find(v => v);
    code.value = chosen || '';
  };
  pickers.forEach((id, i) => document.getElementById(id).addEventListener('change', () => {
    pickers.slice(i + 2).forEach(below => { document.getElementById(below).innerHTML = ''; });
    update();
  }));
  document.body.addEventListener('htmx:afterSwap', update);
});

// Agent assist: "插入答复" puts the article's text into the reply field named by the aside
// (data-answer-target) and tells the server the article was used (posting the item's form, which
// carries the CSRF token).
document.addEventListener('click', (event) => {
  const button = event.target.closest('.assist-insert');
  if (!button) { return; }
  const item = button.closest('.assist-item');
  const aside = button.closest('[data-answer-target]');
  const target = aside && document.getElementById(aside.dataset.answerTarget);
  const answer = item && item.querySelector('.assist-answer');
  if (!target || !answer) { return; }
  target.value = target.value.trim() ? target.value.trim() + '\n' + answer.value : answer.value;
  target.dispatchEvent(new Event('input', { bubbles: true }));
  button.textContent = '已插入';
  button.disabled = true;
  const form = button.closest('form');
  fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
});

// The analysis beside the order form offers its one-line summary as the title.
document.addEventListener('click', (event) => {
  const button = event.target.closest('#use-summary');
  if (!button) return;
  const title = document.getElementById('order-title');
  if (title) {
    title.value = button.dataset.summary;
    title.dispatchEvent(new Event('input', { bubbles: true }));
  }
});
